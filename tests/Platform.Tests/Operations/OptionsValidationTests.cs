using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Core;
using Platform.Core.Data;

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
}
