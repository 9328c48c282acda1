using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots.Texts;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using Telegram.Bot.Types;

namespace Platform.Core.Bots;

/// <summary>
/// Builds a <see cref="BotChat"/> inside a tenant scope: the storefront is read fresh through the catalog side's
/// <see cref="StorefrontReader"/>, so portal changes apply at once.
/// </summary>
public sealed class BotChatFactory(PlatformDbContext db, StorefrontReader storefronts, TelegramClientFactory clients, BotSecrets secrets, BotSender sender)
{
    public async Task<BotChat?> CreateAsync(TenantInfo tenant, Guid botId, long chatId, User? from, CancellationToken cancellationToken)
    {
        var bot = await db.Bots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == botId, cancellationToken);
        if (bot is null)
        {
            return null;
        }

        var storefront = await storefronts.GetAsync(cancellationToken);
        var texts = BotTexts.For(from?.LanguageCode, storefront.DefaultLanguage);
        return new BotChat(tenant, bot, clients.Create(secrets.Unprotect(bot.TokenCiphertext)), sender, storefront, texts, chatId, from);
    }
}
