using Microsoft.Extensions.Options;
using Platform.Core.Bots;
using Platform.TelegramSandbox.Hosting;

namespace Platform.Web.TestMode;

/// <summary>
/// Where the sandbox is and whether test mode is on (<see cref="TestModeOptions"/>), and the HTTP clients for its
/// control API: one with the platform's global access (<c>Sandbox:AccessToken</c> if set; loopback otherwise) to get a
/// store's scoped token, and one per store that sends only that scoped token, so everything the platform makes for a
/// store is tagged with the store's scope.
/// </summary>
public sealed class TestModeSandbox(IOptions<TelegramOptions> telegram, IOptions<TestModeOptions> options, IOptions<SandboxOptions> sandbox,
    IHttpClientFactory clients)
{
    public const string HttpClientName = "test-mode-sandbox";

    public bool IsAvailable =>
        options.Value.Enabled != false && Uri.TryCreate(telegram.Value.BaseUrl, UriKind.Absolute, out var url)
        && !string.Equals(url.Host, new Uri(TelegramOptions.LiveBaseUrl).Host, StringComparison.OrdinalIgnoreCase);

    public int BuyerStars => options.Value.BuyerStars;

    /// <summary>The chat page for one buyer and bot, the scoped token in the fragment (browsers never send a fragment).</summary>
    public Uri ChatPage(long userId, long botId, string scopeToken)
    {
        var root = options.Value.SandboxPublicUrl is { Length: > 0 } configured ? configured : telegram.Value.BaseUrl;
        return new Uri($"{root.TrimEnd('/')}/sandbox?user={userId}&bot={botId}#scope={Uri.EscapeDataString(scopeToken)}");
    }

    public HttpClient Global()
    {
        var client = Create();
        if (sandbox.Value.AccessToken is { Length: > 0 } token)
        {
            client.DefaultRequestHeaders.Add(LocalOnlyAccess.HeaderName, token);
        }

        return client;
    }

    public HttpClient Scoped(string scopeToken)
    {
        var client = Create();
        client.DefaultRequestHeaders.Add(SandboxScopes.HeaderName, scopeToken);
        return client;
    }

    private HttpClient Create()
    {
        var client = clients.CreateClient(HttpClientName);
        client.BaseAddress = new Uri(telegram.Value.BaseUrl.TrimEnd('/') + "/");
        client.Timeout = TimeSpan.FromSeconds(15);
        return client;
    }
}
