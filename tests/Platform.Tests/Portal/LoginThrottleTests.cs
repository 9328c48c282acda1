using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Identity;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

/// <summary>
/// Failed logins slow further attempts down per account and address (3 here) and per account from anywhere (8 here),
/// for a growing delay, with words that never tell whether the account exists. Client addresses come from
/// X-Forwarded-For, which the host honours from its loopback "proxy".
/// </summary>
public sealed class LoginThrottleTests(LoginThrottleTests.ThrottleAppFactory app) : IClassFixture<LoginThrottleTests.ThrottleAppFactory>
{
    private const string Throttled = "Too many attempts. Try again in a minute.";

    [Fact]
    public async Task Repeated_failures_from_one_address_are_throttled_alike_for_an_existing_and_an_unknown_account()
    {
        var existing = PortalClient.UniqueEmail("owner");
        await app.SignUpStoreAsync("Throttled Goods", existing, PortalClient.Password);
        var unknown = PortalClient.UniqueEmail("nobody");
        using var attacker = From("198.51.100.1");

        foreach (var email in new[] { existing, unknown })
        {
            for (var i = 0; i < 3; i++)
            {
                using var failed = await attacker.LoginAsync(email, "wrong-password-" + i);
                Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
                Assert.Equal("Email or password is incorrect.", PortalClient.FieldError(await PortalClient.ParseAsync(failed), ""));
            }

            using var refused = await attacker.LoginAsync(email, "wrong-password-3");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(Throttled, PortalClient.FieldError(await PortalClient.ParseAsync(refused), ""));
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        using var rightPasswordFromThere = await attacker.LoginAsync(existing);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPasswordFromThere.StatusCode);
    }

    [Fact]
    public async Task The_owner_at_another_address_still_logs_in_while_an_attacker_is_throttled_and_the_account_is_never_locked()
    {
        var email = PortalClient.UniqueEmail("owner");
        await app.SignUpStoreAsync("Owner Goods", email, PortalClient.Password);
        using var attacker = From("198.51.100.2");
        for (var i = 0; i < 4; i++)
        {
            using var _ = await attacker.LoginAsync(email, "guess-" + i);
        }

        using var owner = From("203.0.113.20");
        using var login = await owner.LoginAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email);
        Assert.Null(user!.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
    }

    [Fact]
    public async Task Failures_spread_over_many_addresses_throttle_the_account_everywhere_at_the_higher_threshold()
    {
        var email = PortalClient.UniqueEmail("spread");
        for (var i = 0; i < 8; i++)
        {
            using var one = From($"192.0.2.{10 + i}");
            using var failed = await one.LoginAsync(email, "guess-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var fresh = From("192.0.2.99");
        using var refused = await fresh.LoginAsync(email, "guess-8");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var otherAccount = await fresh.LoginAsync(PortalClient.UniqueEmail("other"), "guess-8");
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task A_block_ends_after_its_delay_and_the_next_one_lasts_twice_as_long()
    {
        var email = PortalClient.UniqueEmail("patient");
        await app.SignUpStoreAsync("Patient Goods", email, PortalClient.Password);
        using var person = From("198.51.100.3");
        await FailAsync(person, email, 3);
        using (var first = await person.LoginAsync(email))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await FailAsync(person, email, 3);
        using (var second = await person.LoginAsync(email))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Equal("Too many attempts. Try again in 2 minutes.", PortalClient.FieldError(await PortalClient.ParseAsync(second), ""));
        }

        app.Clock.Advance(TimeSpan.FromSeconds(121));
        using var after = await person.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    private PortalClient From(string address)
    {
        var client = new PortalClient(app);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task FailAsync(PortalClient person, string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var failed = await person.LoginAsync(email, "wrong-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
    }

    public sealed class ThrottleAppFactory : PlatformAppFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["LoginThrottle:PerAddressFailures"] = "3";
            settings["LoginThrottle:PerAccountFailures"] = "8";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
