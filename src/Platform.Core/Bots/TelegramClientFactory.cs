using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Platform.Core.Bots;

/// <summary>
/// Telegram.Bot clients for one token against the configured base URL. All share one plain HttpClient with
/// no logging handler: Telegram.Bot puts the token in request URLs, and nothing here ever writes a URL to a log.
/// Lives with registration, the lowest bot module: registration calls Telegram with it (getMe, setWebhook), and
/// Outbound builds its clients from it.
/// </summary>
public sealed class TelegramClientFactory(IOptions<TelegramOptions> options) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 256,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    public ITelegramBotClient Create(string token) =>
        new TelegramBotClient(new TelegramBotClientOptions(token, options.Value.BaseUrl.TrimEnd('/')), http);

    /// <summary>
    /// A client for calls made through <see cref="Outbound.BotSender"/>, which honours 429 itself: Telegram.Bot's own retry
    /// would sleep out <c>retry_after</c> inside the call, holding the handler's <see cref="Outbound.ProcessorThrottle"/> place
    /// (and retrying twice over). Everything that reaches a buyer, answers a query or refunds uses this one.
    /// </summary>
    public ITelegramBotClient CreateForSender(string token) =>
        new TelegramBotClient(new TelegramBotClientOptions(token, options.Value.BaseUrl.TrimEnd('/')) { RetryCount = 0 }, http);

    public void Dispose() => http.Dispose();
}
