using Microsoft.Extensions.Logging;
using Platform.Core.Catalog;
using Platform.Core.Files;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Outbound;

/// <summary>
/// A photo with its text (welcome, product card). The text rides as the caption when it fits Telegram's caption limit;
/// a longer one follows the photo as its own message, so nothing the merchant wrote is cut to 1,024 characters.
/// The buttons go on the last message, where the customer reads on. File ids are reused through <see cref="BotFileSender"/>.
/// The text is HTML (Telegram's parse mode); its length is counted as the buyer sees it.
/// </summary>
public sealed class BotPhotoSender(BotFileSender files, ILogger<BotPhotoSender> logger)
{
    public const int CaptionMaxLength = 1024;
    public const int MessageMaxLength = 4096;

    public async Task SendAsync(BotChat chat, StoredFile photo, string html, InlineKeyboardMarkup? markup, CancellationToken cancellationToken)
    {
        var fits = VisibleLength(html) <= CaptionMaxLength;
        try
        {
            await files.SendAsync(chat, photo, BotFileKind.Photo, fits ? html : null, fits ? markup : null, cancellationToken);
        }
        catch (Exception e) when (e is IOException or ApiRequestException { ErrorCode: 400 })
        {
            // An image Telegram refuses or whose bytes are gone must not keep the customer from the store: text only.
            logger.LogWarning(e, "Photo {FileId} could not be sent by bot {BotId}; sending the text alone", photo.Id, chat.Bot.Id);
            fits = false;
        }

        if (!fits)
        {
            await chat.SendHtmlAsync(html, markup, cancellationToken);
        }
    }

    /// <summary>
    /// What Telegram counts against the caption limit: the text after parsing, in UTF-16 code units (as string.Length),
    /// so tags and entities do not count. Our HTML is what <see cref="RichText"/> writes, which it reads back.
    /// </summary>
    public static int VisibleLength(string html) => RichText.TryParse(html, out var text, out _) ? text.VisibleLength : html.Length;
}
