extern alias Sandbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Bots;
using Sandbox::Platform.TelegramSandbox;
using Sandbox::Platform.TelegramSandbox.Time;

namespace Platform.Tests.Subscriptions;

/// <summary>
/// The bot host with one clock for both sides: the sandbox's clock (real time plus whatever a test advances) is also
/// the platform's <see cref="TimeProvider"/>, so moving it 30 days renews in Telegram and makes the platform's sweep
/// see the same date, without sleeping.
/// </summary>
public class SubscriptionAppFactory : BotAppFactory
{
    public SandboxClock Clock { get; } = new();

    protected override void ConfigureSandbox(SandboxHostOptions options) => options.Clock = Clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
