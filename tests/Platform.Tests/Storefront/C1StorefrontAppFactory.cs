using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Bots;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Storefront;

/// <summary>
/// The bot runtime's host (web app + Telegram sandbox) with the tests' sign-in, so one test can save the storefront in
/// the portal in a real browser and then talk to the store's bot.
/// </summary>
public sealed class C1StorefrontAppFactory : BotAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestSignInStartupFilter>());
    }
}
