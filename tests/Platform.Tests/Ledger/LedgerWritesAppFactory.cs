extern alias Sandbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Tests.Bots;
using Sandbox::Platform.TelegramSandbox;
using Sandbox::Platform.TelegramSandbox.Time;

namespace Platform.Tests.Ledger;

/// <summary>
/// The bot host with a platform clock that moves only when a test moves it (<see cref="Clock"/>), and no job server:
/// the ledger tests call the payment, renewal and refund services themselves, so every row's time is known to the
/// microsecond and a jump can land exactly on a credit's release. The sandbox (frozen, no flood limits) only
/// registers the bots.
/// </summary>
public class LedgerWritesAppFactory : BotAppFactory
{
    /// <summary>Starts at a whole second plus some microseconds, so rounding anywhere would show.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddTicks(1230));

    protected override bool RunJobServerInWeb => false;

    protected override void ConfigureSandbox(SandboxHostOptions options)
    {
        options.Clock = SandboxClock.Frozen(DateTimeOffset.UtcNow);
        options.Configure = o => o.RateLimits.Enabled = false;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
