using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Core;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Maintenance;
using Platform.Web.Identity;

namespace Platform.Tests.Operations;

public sealed class OptionsValidationTests
{
    [Fact]
    public void A_missing_connection_string_fails_with_a_message_naming_the_setting()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPlatformCore(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PlatformDatabaseOptions>>().Value);
        Assert.Contains("ConnectionStrings:Platform", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Telegram:PreCheckoutMaxConcurrency", "-1")]
    [InlineData("Telegram:ProcessorMaxConcurrentUpdates", "-1")]
    public void A_negative_concurrency_cap_fails_with_a_message_naming_the_setting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlatformCore(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelegramOptions>>().Value);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LoginThrottle:PerAddressFailures", "0", "PerAddressFailures")]
    [InlineData("LoginThrottle:MaxDelaySeconds", "30", "LoginThrottle:MaxDelaySeconds")]
    public void A_bad_login_throttle_setting_fails_with_a_message_naming_it(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlatformIdentity(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" }, configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LoginThrottleOptions>>().Value);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Maintenance:AbandonPendingOrdersAfter", "00:10:00")]
    [InlineData("Maintenance:PruneIdentityTokensAfter", "01:00:00")]
    public void A_clean_up_threshold_too_short_to_be_safe_fails_with_a_message_naming_the_setting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlatformCore(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MaintenanceOptions>>().Value);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
