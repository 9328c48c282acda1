using Platform.Core.Bots;
using Platform.Core.Outbound.Texts;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.Core.Conversation;

/// <summary>
/// The command menu, in English by default and in Persian and Russian for those users (setMyCommands with language_code:
/// Telegram shows a user the list for their app's language). Registration applies it on every sync through
/// <see cref="IBotCommandMenu"/> (setting the same lists again changes nothing); the commands are routed by
/// <see cref="BotUpdateHandler"/>, and /help lists the same <see cref="BotTexts.Commands"/>.
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

    private static BotCommand[] Commands(BotTexts t) => [.. t.Commands.Select(c => new BotCommand(c.Command, c.Description))];
}
