using Microsoft.Extensions.Options;
using Platform.Core.Files;
using Platform.Core.Outbound;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Orders;

/// <summary>
/// Signed <c>/d/{token}</c> links for a delivered file, made by the download side's <see cref="DownloadLinkFactory"/>.
/// The download endpoint checks the order's status and download count, so a refund kills every link at once.
/// In the chat the link is an inline URL button ("Download"), not 150 pasted characters: the message says what it is,
/// until when it works and how many downloads are left.
/// </summary>
public sealed class DownloadLinks(DownloadLinkFactory factory, IOptions<DownloadTokenOptions> options, TimeProvider time)
{
    public string CreateUrl(Guid orderId, Guid fileId) => factory.CreateUrl(orderId, fileId).ToString();

    /// <summary>
    /// The link message. <paramref name="downloadsLeft"/> is null when unknown (a member product); 0 sends no link at all,
    /// only that the downloads are used up (the link would open the "limit reached" page).
    /// </summary>
    public async Task<Message> SendAsync(BotChat chat, Guid orderId, Guid fileId, int? downloadsLeft, CancellationToken cancellationToken)
    {
        var texts = chat.Texts;
        if (downloadsLeft <= 0)
        {
            return await chat.SendTextAsync(texts.DownloadsUsedUp, null, cancellationToken);
        }

        var url = CreateUrl(orderId, fileId);
        var until = time.GetUtcNow() + options.Value.LinkLifetime;
        var text = downloadsLeft is { } left ? $"{texts.DownloadReady(until)}\n{texts.DownloadsLeft(left)}" : texts.DownloadReady(until);
        try
        {
            return await chat.SendTextAsync(text, new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl(texts.DownloadButton, url)), cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("BUTTON_URL_INVALID", StringComparison.Ordinal))
        {
            // Telegram takes no button to an address it deems local (a development run's http://localhost): the link as text.
            return await chat.SendTextAsync(texts.DownloadLink(url), null, cancellationToken);
        }
    }
}
