using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Outbound.Texts;
using Platform.Core.Tenancy;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Outbound;

/// <summary>One conversation turn: the store, the bot, the customer's chat and language, and rate-limited sending.</summary>
public sealed class BotChat(TenantInfo tenant, Bot bot, ITelegramBotClient client, BotSender sender, Storefront storefront, BotTexts texts, long chatId,
    User? from)
{
    public TenantInfo Tenant { get; } = tenant;
    public Bot Bot { get; } = bot;
    public ITelegramBotClient Client { get; } = client;
    /// <summary>The merchant's storefront, defaults filled in (read fresh for every update).</summary>
    public Storefront Storefront { get; } = storefront;
    public BotTexts Texts { get; } = texts;
    public long ChatId { get; } = chatId;
    public User? From { get; } = from;

    public Task<Message> SendTextAsync(string text, InlineKeyboardMarkup? markup, CancellationToken cancellationToken) =>
        SendAsync(ct => Client.SendMessage(ChatId, text, replyMarkup: markup, cancellationToken: ct), cancellationToken);

    /// <summary>A message in Telegram's HTML parse mode: every non-markup part must come through <see cref="TelegramHtml"/>.</summary>
    public Task<Message> SendHtmlAsync(string html, InlineKeyboardMarkup? markup, CancellationToken cancellationToken) =>
        SendAsync(ct => Client.SendMessage(ChatId, html, Telegram.Bot.Types.Enums.ParseMode.Html, replyMarkup: markup, cancellationToken: ct),
            cancellationToken);

    public Task<T> SendAsync<T>(Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken) =>
        sender.SendAsync(Bot.Id, ChatId, send, cancellationToken);

    /// <summary>
    /// Answers a callback (stops the button's spinner); not a chat message, so outside the message limits. A re-run
    /// update's query is too old to answer (400): that must not stop the rest of the handling.
    /// </summary>
    public async Task AnswerCallbackAsync(string callbackId, CancellationToken cancellationToken)
    {
        try
        {
            await sender.CallAsync(Bot.Id, ct => Client.AnswerCallbackQuery(callbackId, cancellationToken: ct), cancellationToken);
        }
        catch (Telegram.Bot.Exceptions.ApiRequestException e) when (e.ErrorCode == 400)
        {
            // Spinner already gone; nothing to do.
        }
    }
}
