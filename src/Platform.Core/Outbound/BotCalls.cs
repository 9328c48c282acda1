using Platform.Core.Bots;
using Telegram.Bot;

namespace Platform.Core.Outbound;

/// <summary>
/// Bot API calls that are not chat messages and start from a bot's stored token (a pre-checkout answer, a refund).
/// The client has no retry of its own (<see cref="TelegramClientFactory.CreateForSender"/>): a 429 is waited out once,
/// by <see cref="BotSender.CallAsync"/>, so Payments never pairs a retrying client with a retrying sender.
/// </summary>
public sealed class BotCalls(TelegramClientFactory clients, BotSecrets secrets, BotSender sender)
{
    /// <summary>Decrypts the token (a key ring that cannot throws <see cref="System.Security.Cryptography.CryptographicException"/>) and calls.</summary>
    public Task CallAsync(Guid botId, string tokenCiphertext, Func<ITelegramBotClient, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var client = clients.CreateForSender(secrets.Unprotect(tokenCiphertext));
        return sender.CallAsync(botId, ct => call(client, ct), cancellationToken);
    }
}
