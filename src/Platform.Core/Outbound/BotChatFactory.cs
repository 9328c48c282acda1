using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Outbound.Texts;
using Platform.Core.Tenancy;
using Telegram.Bot.Types;

namespace Platform.Core.Outbound;

/// <summary>
/// Builds a <see cref="BotChat"/> inside a tenant scope: the storefront is read fresh for every update (and given its
/// defaults by the catalog side's <see cref="StorefrontReader"/>), so portal changes apply at once.
/// </summary>
public sealed class BotChatFactory(PlatformDbContext db, TelegramClientFactory clients, BotSecrets secrets, BotSender sender)
{
    public async Task<BotChat?> CreateAsync(TenantInfo tenant, Guid botId, long chatId, User? from, CancellationToken cancellationToken)
    {
        // The bot and the storefront in one query (every update builds a chat): a lateral join, one round trip.
        var found = await db.Bots.AsNoTracking().Where(b => b.Id == botId)
            .Select(b => new { Bot = b, Settings = db.StoreSettings.AsNoTracking().OrderBy(s => s.TenantId).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var bot = found.Bot;
        var storefront = StorefrontReader.From(found.Settings, tenant.Name);
        var texts = BotTexts.For(from?.LanguageCode, storefront.DefaultLanguage);
        return new BotChat(tenant, bot, clients.CreateForSender(secrets.Unprotect(bot.TokenCiphertext)), sender, storefront, texts, chatId, from);
    }
}
