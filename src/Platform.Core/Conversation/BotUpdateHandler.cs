using Microsoft.Extensions.Logging;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Outbound;
using Platform.Core.Payments;
using Platform.Core.Subscriptions;
using Platform.Core.Tenancy;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Platform.Core.Conversation;

/// <summary>
/// One stored update, in a tenant scope: commands, buttons, payments and refunds. Every branch tolerates running
/// twice (the inbox re-runs an update whose job died). Pre-checkout queries were answered on the ingress fast path.
/// </summary>
public sealed class BotUpdateHandler(
    ChatMemberTracker chatMembers,
    PlatformDbContext db, BotChatFactory chats, CatalogView catalog, CheckoutService checkout, PaymentRecorder payments,
    FulfilmentService fulfilment, OrderHistoryView history, SubscriptionsView memberships, RefundService refunds, TimeProvider time,
    OwnerLinkReply ownerLinks, ILogger<BotUpdateHandler> logger)
{
    public async Task HandleAsync(TenantInfo tenant, Guid botId, Update update, CancellationToken cancellationToken)
    {
        // Channel access: member updates and join requests of the store's channels and groups (not private chats).
        if (ChatMemberTracker.Serves(update))
        {
            await chatMembers.HandleAsync(botId, update, cancellationToken);
            return;
        }

        var message = update.Message;
        var callback = update.CallbackQuery;
        if (PrivateChatOf(update) is not { } chatId)
        {
            return; // the store serves private chats only
        }

        var chat = await chats.CreateAsync(tenant, botId, chatId, message?.From ?? callback?.From, cancellationToken);
        if (chat is null || chat.Bot.Status == BotStatus.Broken)
        {
            return;
        }

        try
        {
            if (callback is not null)
            {
                await chat.AnswerCallbackAsync(callback.Id, cancellationToken);
            }

            // Money events come first, whatever the store's status: a payment Telegram completed (pre-checkout passed
            // while the store was active) or a refund has happened and must be recorded, or it would be lost.
            if (message?.SuccessfulPayment is { } payment)
            {
                if (await payments.RecordAsync(payment, message.From?.Id ?? chat.ChatId, cancellationToken) is { } orderId)
                {
                    await fulfilment.FulfilAsync(chat, orderId, 0, cancellationToken);
                }
            }
            else if (message?.RefundedPayment is { } refunded && OrderIds.FromPayload(refunded.InvoicePayload) is { } refundedOrder)
            {
                await refunds.RecordRefundedPaymentAsync(refundedOrder, refunded.TelegramPaymentChargeId, cancellationToken);
            }
            else if (!tenant.IsActive)
            {
                await chat.SendTextAsync(chat.Texts.StoreUnavailable, null, cancellationToken);
            }
            else if (message?.Text is { } text)
            {
                await OnTextAsync(chat, text.Trim(), cancellationToken);
            }
            else if (callback?.Data is { } data)
            {
                // Only a text message can become the catalog in place; a photo (the welcome image) gets a new message.
                var editable = callback.Message is { Text: not null } shown ? shown.Id : (int?)null;
                await OnButtonAsync(chat, data, editable, update.Id, cancellationToken);
            }
        }
        catch (ApiRequestException e) when (e.ErrorCode == 401)
        {
            var bot = await db.Bots.FindAsync([botId], cancellationToken);
            if (bot is not null)
            {
                await BotBreakage.MarkBrokenAsync(db, bot, time.GetUtcNow(), cancellationToken);
            }
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            logger.LogInformation("Chat of bot {BotId} blocked the bot; nothing to send", botId);
        }
    }

    /// <summary>The private chat an update is for; null when the store has nothing to do with it (a group, an update kind it does not serve).</summary>
    public static long? PrivateChatOf(Update update)
    {
        var message = update.Message;
        var callback = update.CallbackQuery;
        var chatId = message?.Chat.Id ?? callback?.Message?.Chat.Id ?? callback?.From.Id;
        return (message?.Chat.Type ?? Telegram.Bot.Types.Enums.ChatType.Private) == Telegram.Bot.Types.Enums.ChatType.Private ? chatId : null;
    }

    private Task OnTextAsync(BotChat chat, string text, CancellationToken cancellationToken)
    {
        var space = text.IndexOf(' ');
        var command = (space > 0 ? text[..space] : text).Split('@')[0].ToLowerInvariant();
        var argument = space > 0 ? text[(space + 1)..].Trim() : string.Empty;
        return command switch
        {
            "/start" when argument.StartsWith("p_", StringComparison.Ordinal) && Guid.TryParse(argument[2..], out var productId)
                => catalog.ShowProductAsync(chat, productId, cancellationToken),
            "/start" when OwnerLinkReply.Matches(argument) => ownerLinks.ReplyAsync(chat, argument, cancellationToken),
            "/start" => catalog.WelcomeAsync(chat, cancellationToken),
            "/catalog" => catalog.ShowRootAsync(chat, null, cancellationToken),
            "/orders" => history.ShowAsync(chat, cancellationToken),
            "/subscriptions" => memberships.ShowAsync(chat, cancellationToken),
            "/paysupport" => StoreInfoView.SupportAsync(chat, cancellationToken),
            "/terms" => StoreInfoView.TermsAsync(chat, cancellationToken),
            "/about" => StoreInfoView.AboutAsync(chat, cancellationToken),
            "/help" => chat.SendTextAsync(chat.Texts.Help, null, cancellationToken),
            _ when text == chat.Texts.CatalogButton => catalog.ShowRootAsync(chat, null, cancellationToken),
            _ when text == chat.Texts.OrdersButton => history.ShowAsync(chat, cancellationToken),
            _ when text == chat.Texts.SubscriptionsButton => memberships.ShowAsync(chat, cancellationToken),
            _ => chat.SendTextAsync(chat.Texts.Unknown, null, cancellationToken),
        };
    }

    private Task OnButtonAsync(BotChat chat, string data, int? messageId, long updateId, CancellationToken cancellationToken)
    {
        var parts = data.Split(':');
        return parts switch
        {
            ["c", "root", _] => catalog.ShowRootAsync(chat, messageId, cancellationToken),
            ["c", var category, var page] when int.TryParse(page, out var p) && p >= 0 =>
                catalog.ShowPageAsync(chat, Guid.TryParse(category, out var id) ? id : null, p, messageId, cancellationToken),
            ["p", var product] when Guid.TryParse(product, out var id) => catalog.ShowProductAsync(chat, id, cancellationToken),
            ["b", var product] when Guid.TryParse(product, out var id) => checkout.BuyAsync(chat, id, updateId, cancellationToken),
            ["o", var order] when Guid.TryParse(order, out var id) => history.ResendAsync(chat, id, cancellationToken),
            ["orders"] => history.ShowAsync(chat, cancellationToken),
            ["subs"] => memberships.ShowAsync(chat, cancellationToken),
            ["about"] => StoreInfoView.AboutAsync(chat, cancellationToken),
            ["support"] => StoreInfoView.SupportAsync(chat, cancellationToken),
            ["terms"] => StoreInfoView.TermsAsync(chat, cancellationToken),
            ["s", "x", var membership] when Guid.TryParse(membership, out var id) => memberships.CancelAsync(chat, id, cancellationToken),
            ["s", "r", var membership] when Guid.TryParse(membership, out var id) => memberships.ResumeAsync(chat, id, cancellationToken),
            ["s", "g", var membership, var n] when Guid.TryParse(membership, out var id) && int.TryParse(n, out var index) =>
                memberships.GetProductAsync(chat, id, index, cancellationToken),
            _ => Task.CompletedTask,
        };
    }
}
