using Platform.Core.Bots;
using Platform.Core.Outbound.Texts;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.Core.Conversation;

/// <summary>
/// The command menu, in English by default and in Persian and Russian for those users. Registration applies it on every
/// sync through <see cref="IBotCommandMenu"/>; the commands themselves are routed by <see cref="BotUpdateHandler"/>.
/// </summary>
public sealed class BotCommandsSetup : IBotCommandMenu
{
    public async Task ApplyAsync(ITelegramBotClient client, CancellationToken cancellationToken)
    {
        await client.SetMyCommands(Commands(BotTexts.English), cancellationToken: cancellationToken);
        foreach (var texts in new[] { BotTexts.Persian, BotTexts.Russian })
        {
            await client.SetMyCommands(Commands(texts), languageCode: texts.Language, cancellationToken: cancellationToken);
        }
    }

    private static BotCommand[] Commands(BotTexts t) =>
    [
        new("start", t.CommandStart), new("catalog", t.CommandCatalog), new("orders", t.CommandOrders), new("subscriptions", t.CommandSubscriptions),
        new("paysupport", t.CommandPaySupport), new("terms", t.CommandTerms), new("help", t.CommandHelp),
    ];
}
