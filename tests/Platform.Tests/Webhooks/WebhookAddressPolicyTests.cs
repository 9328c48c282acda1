using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Webhooks;

namespace Platform.Tests.Webhooks;

/// <summary>SSRF rules: save-time validation and the connect-time check, in Production mode (local = false).</summary>
public sealed class WebhookAddressPolicyTests
{
    private static WebhookUrlValidator Production(params string[] allowed) =>
        new(new WebhookAddressPolicy(new WebhookOptions { AllowedPrivateNetworks = allowed }, local: false));

    [Theory]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://100.64.0.7/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://172.20.0.1/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd12:3456::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    public async Task A_private_address_url_is_refused_in_production(string url)
    {
        var error = await Production().ValidateAsync(url, CancellationToken.None);
        Assert.NotNull(error);
    }

    [Fact]
    public async Task Plain_http_is_refused_in_production_and_accepted_in_development()
    {
        Assert.Contains("https", await Production().ValidateAsync("http://93.184.216.34/hook", CancellationToken.None));
        var local = new WebhookUrlValidator(new WebhookAddressPolicy(new WebhookOptions(), local: true));
        Assert.Null(await local.ValidateAsync("http://127.0.0.1:5000/hook", CancellationToken.None));
    }

    [Theory]
    [InlineData("ftp://example.com/x")]
    [InlineData("not a url")]
    [InlineData("/relative")]
    [InlineData("https://user:pass@93.184.216.34/hook")]
    public async Task Malformed_urls_are_refused(string url) =>
        Assert.NotNull(await Production().ValidateAsync(url, CancellationToken.None));

    [Fact]
    public async Task Public_addresses_and_allow_listed_private_networks_are_accepted_in_production()
    {
        Assert.Null(await Production().ValidateAsync("https://93.184.216.34/hook", CancellationToken.None));
        var selfHosted = Production("10.20.0.0/16");
        Assert.Null(await selfHosted.ValidateAsync("https://10.20.1.2/hook", CancellationToken.None));
        Assert.NotNull(await selfHosted.ValidateAsync("https://10.21.0.1/hook", CancellationToken.None));
    }

    [Fact]
    public async Task At_send_time_a_connection_to_a_private_address_is_refused_in_production()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = Options.Create(new WebhookOptions());
        using var transport = new WebhookTransport(new WebhookAddressPolicy(options.Value, local: false), options, new FakeTimeProvider());

        var response = await transport.PostAsync(receiver.Url(), "{}"u8.ToArray(), "evt", 1, "v1,x", CancellationToken.None);

        Assert.Null(response.StatusCode);
        Assert.Contains("may not reach", response.Error);
        Assert.Empty(receiver.Requests);
    }
}
