using System.Net;

namespace Platform.Tests.Merchant;

/// <summary>The merchant host with a tiny per-IP download allowance.</summary>
public sealed class TightDownloadLimitFactory : MerchantAppFactory
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["RateLimits:DownloadPermitLimit"] = "3";
    }
}

public sealed class DownloadRateLimitTests(TightDownloadLimitFactory app) : IClassFixture<TightDownloadLimitFactory>
{
    [Fact]
    public async Task Download_links_are_rate_limited_per_address_with_a_problem_and_retry_after()
    {
        using var client = app.CreateHttpClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/d/guessing-" + i)).StatusCode);
        }

        using var limited = await client.GetAsync("/d/guessing-more");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }
}
