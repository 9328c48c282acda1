using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots.Texts;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using Telegram.Bot.Types;

namespace Platform.Core.Bots;

/// <summary>Builds a <see cref="BotChat"/> inside a tenant scope: store settings are read fresh, so portal changes apply at once.</summary>
public sealed class BotChatFactory(PlatformDbContext db, TelegramClientFactory clients, BotSecrets secrets, BotSender sender)
{
    public async Task<BotChat?> CreateAsync(TenantInfo tenant, Guid botId, long chatId, User? from, CancellationToken cancellationToken)
    {
        var bot = await db.Bots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == botId, cancellationToken);
        if (bot is null)
        {
            return null;
        }

        var settings = await db.StoreSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var texts = BotTexts.For(from?.LanguageCode, settings?.DefaultLanguage);
        return new BotChat(tenant, bot, clients.Create(secrets.Unprotect(bot.TokenCiphertext)), sender, settings, texts, chatId, from);
    }
}
