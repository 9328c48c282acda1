using Telegram.Bot;

namespace Platform.Core.Bots;

/// <summary>
/// The command menu a bot shows its buyers, set by registration on every sync. Registration owns the moment, the
/// conversation owns the words (<c>Conversation.BotCommandsSetup</c>): this interface keeps the arrow from the
/// conversation to Bots, never back.
/// </summary>
public interface IBotCommandMenu
{
    Task ApplyAsync(ITelegramBotClient client, CancellationToken cancellationToken);
}
