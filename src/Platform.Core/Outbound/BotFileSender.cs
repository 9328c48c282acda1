using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Files;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Outbound;

/// <summary>
/// Sends a stored file through a bot: uploaded once per bot, then re-sent by Telegram file_id from
/// <see cref="TelegramFileCache"/> (file_ids belong to one bot). A stale file_id is dropped and the file uploaded again.
/// Captions are in Telegram's HTML parse mode: callers escape their text with <see cref="TelegramHtml"/>.
/// </summary>
public sealed class BotFileSender(PlatformDbContext db, BotFileSource source, TimeProvider time)
{
    public async Task<Message> SendAsync(BotChat chat, StoredFile file, BotFileKind kind, string? caption, InlineKeyboardMarkup? markup,
        CancellationToken cancellationToken)
    {
        var cached = await db.TelegramFileCache.AsNoTracking()
            .Where(c => c.BotId == chat.Bot.Id && c.FileId == file.Id).Select(c => c.TelegramFileId).FirstOrDefaultAsync(cancellationToken);
        return await SendAsync(chat, file, kind, caption, markup, cached, cancellationToken);
    }

    /// <summary>The same, when the caller already read the bot's cached file_id (<paramref name="cached"/>, null if none) with its own query.</summary>
    public async Task<Message> SendAsync(
        BotChat chat, StoredFile file, BotFileKind kind, string? caption, InlineKeyboardMarkup? markup, string? cached, CancellationToken cancellationToken)
    {
        if (cached is not null)
        {
            try
            {
                return await SendOnceAsync(chat, InputFile.FromFileId(cached), kind, caption, markup, cancellationToken);
            }
            catch (Telegram.Bot.Exceptions.ApiRequestException e) when (e.ErrorCode == 400)
            {
                await db.TelegramFileCache.Where(c => c.BotId == chat.Bot.Id && c.FileId == file.Id).ExecuteDeleteAsync(cancellationToken);
            }
        }

        var message = await chat.SendAsync(async ct =>
        {
            // A fresh stream per attempt: a 429 retry must upload from the start.
            await using var stream = await source.OpenReadAsync(file, ct);
            return await SendRawAsync(chat, InputFile.FromStream(stream, file.FileName), kind, caption, markup, ct);
        }, cancellationToken);
        var fileId = kind == BotFileKind.Photo ? message.Photo?.LastOrDefault()?.FileId : message.Document?.FileId;
        if (fileId is not null)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "TelegramFileCache" ("TenantId", "BotId", "FileId", "TelegramFileId", "CreatedAt")
                VALUES ({chat.Tenant.Id}, {chat.Bot.Id}, {file.Id}, {fileId}, {time.GetUtcNow()})
                ON CONFLICT ("TenantId", "BotId", "FileId") DO UPDATE SET "TelegramFileId" = EXCLUDED."TelegramFileId"
                """, cancellationToken);
        }

        return message;
    }

    private static Task<Message> SendOnceAsync(BotChat chat, InputFile input, BotFileKind kind, string? caption, InlineKeyboardMarkup? markup,
        CancellationToken cancellationToken) =>
        chat.SendAsync(ct => SendRawAsync(chat, input, kind, caption, markup, ct), cancellationToken);

    private static Task<Message> SendRawAsync(BotChat chat, InputFile input, BotFileKind kind, string? caption, InlineKeyboardMarkup? markup,
        CancellationToken ct) =>
        kind == BotFileKind.Photo
            ? chat.Client.SendPhoto(chat.ChatId, input, caption: caption, parseMode: ParseMode.Html, replyMarkup: markup, cancellationToken: ct)
            : chat.Client.SendDocument(chat.ChatId, input, caption: caption, parseMode: ParseMode.Html, replyMarkup: markup, cancellationToken: ct);
}
