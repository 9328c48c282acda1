using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Subscriptions;

namespace Platform.Tests.Subscriptions;

/// <summary>
/// The subscription host with the sweep's expiry recorded (<see cref="RecordingSweepActions"/>): reminders go to the
/// sandbox for real; expiry is a conditional status change standing in for SubscriptionLifecycle.ExpireAsync, which
/// another part of issue 14 implements (its own tests cover the event and the revocation).
/// </summary>
public sealed class SweepAppFactory : SubscriptionAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ExpiryLog>();
            services.AddScoped<SubscriptionSweepActions>();
            services.AddScoped<ISubscriptionSweepActions, RecordingSweepActions>();
        });
    }
}
