using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Security;

/// <summary>Production names the host names it answers to: unset or '*' stops the host at start; a foreign Host is refused.</summary>
public sealed class ProductionAllowedHostsTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    public async Task Production_without_allowed_hosts_fails_to_start_naming_the_setting(string? allowedHosts)
    {
        await using var factory = new WithAllowedHosts(allowedHosts);

        var error = await Assert.ThrowsAnyAsync<Exception>(factory.InitializeAsync);

        Assert.Contains("AllowedHosts is unset or '*'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_a_request_whose_host_is_not_allowed()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/login");
        foreign.Headers.Host = "evil.example";

        using var refused = await client.SendAsync(foreign);
        using var allowed = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    private sealed class WithAllowedHosts(string? allowedHosts) : ProductionAppFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings.Remove("AllowedHosts");
            if (allowedHosts is not null)
            {
                settings["AllowedHosts"] = allowedHosts;
            }
        }
    }
}
