using Microsoft.EntityFrameworkCore;
using Platform.Core.Common;
using Platform.Core.Data;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The channels and groups the store's bots were added to, as the bots last saw them: written from my_chat_member
/// updates and from live rights checks (the portal's "check" before a plan may grant a chat). One row per (bot, chat),
/// upserted so a re-run update or a check racing an update cannot make two.
/// </summary>
public sealed class ManagedChatDirectory(PlatformDbContext db, ChatAdminCalls calls, TimeProvider time)
{
    /// <summary>A my_chat_member update: the bot was added, promoted, demoted or removed.</summary>
    public Task RecordAsync(Guid botId, ChatMemberUpdated changed, CancellationToken cancellationToken)
    {
        if (changed.Chat.Type is not (ChatType.Channel or ChatType.Supergroup or ChatType.Group))
        {
            return Task.CompletedTask; // a private chat's block/unblock is not a managed chat
        }

        var (admin, invite, restrict) = RightsOf(changed.NewChatMember);
        return UpsertAsync(botId, changed.Chat.Id, changed.Chat.Title ?? string.Empty, TypeName(changed.Chat.Type), admin, invite, restrict,
            new DateTimeOffset(changed.Date, TimeSpan.Zero), cancellationToken);
    }

    /// <summary>
    /// Asks Telegram now what the bot may do in the chat (getChatMember for the bot itself), stores it, and says what is
    /// missing in the merchant's words. A chat the bot is not in (or that does not exist) misses everything.
    /// </summary>
    public async Task<Result<BotChatRights>> CheckRightsAsync(Guid botId, long telegramChatId, CancellationToken cancellationToken)
    {
        var bot = await calls.BotAsync(botId, cancellationToken);
        if (bot is null)
        {
            return Failure.NotFound("This bot is not one of the store's bots.");
        }

        var known = await db.ManagedChats.AsNoTracking().FirstOrDefaultAsync(c => c.BotId == botId && c.TelegramChatId == telegramChatId, cancellationToken);
        try
        {
            var chat = await calls.CallAsync(botId, (c, ct) => c.GetChat(telegramChatId, ct), cancellationToken);
            var member = await calls.CallAsync(botId, (c, ct) => c.GetChatMember(telegramChatId, bot.TelegramBotId, ct), cancellationToken);
            var (admin, invite, restrict) = RightsOf(member);
            await UpsertAsync(botId, telegramChatId, chat.Title ?? known?.Title ?? string.Empty, TypeName(chat.Type), admin, invite, restrict, time.GetUtcNow(),
                cancellationToken);
            return new BotChatRights(telegramChatId, chat.Title, BotChatRights.MissingFor(admin, invite, restrict));
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            // Not in the chat, or no such chat: remember that the bot lost it (when we knew it), and say what to do.
            if (known is not null)
            {
                await UpsertAsync(botId, telegramChatId, known.Title, known.ChatType, false, false, false, time.GetUtcNow(), cancellationToken);
            }

            return new BotChatRights(telegramChatId, known?.Title, BotChatRights.MissingFor(false, false, false));
        }
    }

    /// <summary>What a chat member object says the bot may do: (administrator, invite users, ban users).</summary>
    public static (bool Admin, bool Invite, bool Restrict) RightsOf(ChatMember member) => member switch
    {
        ChatMemberOwner => (true, true, true),
        ChatMemberAdministrator a => (true, a.CanInviteUsers, a.CanRestrictMembers),
        _ => (false, false, false),
    };

    private async Task UpsertAsync(Guid botId, long chatId, string title, string chatType, bool admin, bool invite, bool restrict, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        // An older update arriving late does not overwrite a newer state (same second: the later write wins).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ManagedChats" ("Id", "TenantId", "BotId", "TelegramChatId", "Title", "ChatType", "BotIsAdmin", "CanInviteUsers",
                "CanRestrictMembers", "UpdatedAt")
            VALUES ({Guid.CreateVersion7(time.GetUtcNow())}, {db.CurrentTenantId}, {botId}, {chatId}, {Cut(title, 255)}, {chatType}, {admin}, {invite},
                {restrict}, {at})
            ON CONFLICT ("TenantId", "BotId", "TelegramChatId") DO UPDATE SET
                "Title" = CASE WHEN EXCLUDED."Title" = '' THEN "ManagedChats"."Title" ELSE EXCLUDED."Title" END, "ChatType" = EXCLUDED."ChatType",
                "BotIsAdmin" = EXCLUDED."BotIsAdmin", "CanInviteUsers" = EXCLUDED."CanInviteUsers",
                "CanRestrictMembers" = EXCLUDED."CanRestrictMembers", "UpdatedAt" = EXCLUDED."UpdatedAt"
            WHERE "ManagedChats"."UpdatedAt" <= EXCLUDED."UpdatedAt"
            """, cancellationToken);
    }

    private static string TypeName(ChatType type) => type.ToString().ToLowerInvariant();

    private static string Cut(string value, int max) => PostgresText.Clean(value.Length <= max ? value : value[..max])!;
}
