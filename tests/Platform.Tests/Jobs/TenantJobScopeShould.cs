using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Jobs;

/// <summary>How every per-tenant job starts: the tenant's own scope, or a quiet end when the tenant is gone.</summary>
public sealed class TenantJobScopeShould(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task Run_the_body_with_a_context_bound_to_the_jobs_tenant()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var tenant = (await app.SignUpStoreAsync($"Job scope {suffix}", $"job-scope-{suffix}@example.test", "correct-horse-battery")).Tenant!;

        var seen = await app.Services.GetRequiredService<TenantJobScope>().RunAsync(tenant.Id, whenGone: (Guid?)null,
            (found, services) => Task.FromResult((Guid?)services.GetRequiredService<PlatformDbContext>().CurrentTenantId), CancellationToken.None);

        Assert.Equal(tenant.Id, seen);
    }

    [Fact]
    public async Task End_without_running_the_body_when_the_tenant_is_gone()
    {
        var ran = false;

        var result = await app.Services.GetRequiredService<TenantJobScope>().RunAsync(Guid.NewGuid(), whenGone: -1, (_, _) =>
        {
            ran = true;
            return Task.FromResult(1);
        }, CancellationToken.None);

        Assert.Equal(-1, result);
        Assert.False(ran);
    }
}
