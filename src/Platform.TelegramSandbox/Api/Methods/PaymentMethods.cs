using Platform.TelegramSandbox.Model;
using Platform.TelegramSandbox.Payments;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Payments;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.TelegramSandbox.Api.Methods;

/// <summary>Stars invoices, pre-checkout answers, refunds, subscriptions and the bot's Star ledger.</summary>
internal static class PaymentMethods
{
    public static void Register(IDictionary<string, MethodHandler> map)
    {
        map["sendInvoice"] = (call, _) =>
        {
            var invoice = InvoiceRules.Read(call, allowSubscription: false);
            if (ReplyMarkupReader.Read(call) is InlineKeyboardMarkup keyboard && keyboard.InlineKeyboard.FirstOrDefault()?.FirstOrDefault() is { Pay: false })
                throw BotApiException.BadRequest("the first button of an invoice keyboard must be a Pay button");
            lock (call.Store.Sync)
            {
                var message = Outgoing.Send(call, m =>
                {
                    m.Invoice = new Invoice
                    {
                        Title = invoice.Title,
                        Description = invoice.Description,
                        StartParameter = invoice.StartParameter ?? "",
                        Currency = invoice.Currency,
                        TotalAmount = invoice.Amount,
                    };
                    // Telegram puts a Pay button on invoices sent without a keyboard.
                    m.ReplyMarkup ??= new InlineKeyboardMarkup(InlineKeyboardButton.WithPay($"Pay ⭐️{invoice.Amount}"));
                });
                call.Store.ChatOf(call.Bot, message.Chat.Id).Invoices[message.Id] = invoice;
                return ValueTask.FromResult<object>(message);
            }
        };
        map["createInvoiceLink"] = (call, _) =>
        {
            var invoice = InvoiceRules.Read(call, allowSubscription: true);
            lock (call.Store.Sync)
            {
                invoice.Link = "https://t.me/$" + call.Store.NewId("inv");
                call.Store.Data.InvoiceLinks[invoice.Link] = invoice;
                call.Store.Dirty = true;
                return ValueTask.FromResult<object>(invoice.Link);
            }
        };
        map["answerPreCheckoutQuery"] = (call, _) =>
        {
            var id = call.ReqStr("pre_checkout_query_id");
            var ok = call.Bool("ok") ?? false;
            var error = call.Str("error_message");
            if (!ok && string.IsNullOrWhiteSpace(error)) throw BotApiException.BadRequest("error_message is empty");
            lock (call.Store.Sync)
            {
                if (!call.Store.Data.PreCheckouts.TryGetValue(id, out var record) || record.BotId != call.Bot.Id
                    || record.Status != PaymentStatus.Pending || call.Store.Now >= record.Deadline)
                    throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
                if (ok) PaymentFlow.Complete(call.Store, record);
                else
                {
                    record.Status = PaymentStatus.Rejected;
                    record.ErrorMessage = error;
                }
                call.Store.Dirty = true;
                call.Store.Changed.Pulse();
            }
            return ValueTask.FromResult<object>(true);
        };
        map["refundStarPayment"] = (call, _) =>
        {
            lock (call.Store.Sync)
            {
                var user = ChatResolver.User(call);
                var charge = FindCharge(call, user);
                // Channel subscription fees were paid to the channel, not to this bot: nothing to refund from here.
                if (charge.SubscriptionId is { } subId && call.Store.Data.Subscriptions[subId].ChannelId is not null)
                    throw BotApiException.BadRequest("CHARGE_NOT_FOUND");
                if (charge.Refunded) throw BotApiException.BadRequest("CHARGE_ALREADY_REFUNDED");
                if (call.Bot.StarBalance < charge.Amount) throw BotApiException.BadRequest("BALANCE_TOO_LOW");
                charge.Refunded = true;
                user.Stars += charge.Amount;
                call.Bot.StarBalance -= charge.Amount;
                call.Bot.Transactions.Add(new StarTransaction
                {
                    Id = charge.Id,
                    Amount = charge.Amount,
                    Date = call.Store.Now.UtcDateTime,
                    Receiver = new TransactionPartnerUser
                    {
                        TransactionType = TransactionPartnerUserTransactionType.InvoicePayment,
                        User = user.ToUser(),
                        InvoicePayload = charge.Payload,
                    },
                });
                var message = call.Store.AddMessage(call.Bot, user.ToPrivateChat(), user.ToUser(), m => m.RefundedPayment = new RefundedPayment
                {
                    Currency = "XTR",
                    TotalAmount = charge.Amount,
                    InvoicePayload = charge.Payload,
                    TelegramPaymentChargeId = charge.Id,
                });
                call.Store.Enqueue(call.Bot, new Update { Message = message });
                return ValueTask.FromResult<object>(true);
            }
        };
        map["editUserStarSubscription"] = (call, _) =>
        {
            var canceled = call.Bool("is_canceled") ?? false;
            lock (call.Store.Sync)
            {
                var user = ChatResolver.User(call);
                var charge = FindCharge(call, user);
                if (charge.SubscriptionId is null || !call.Store.Data.Subscriptions.TryGetValue(charge.SubscriptionId, out var sub))
                    throw BotApiException.BadRequest("SUBSCRIPTION_NOT_FOUND");
                if (!sub.Active) throw BotApiException.BadRequest("SUBSCRIPTION_EXPIRED");
                sub.Canceled = canceled;
                call.Store.Dirty = true;
                return ValueTask.FromResult<object>(true);
            }
        };
        map["getStarTransactions"] = (call, _) =>
        {
            var offset = (int)Math.Max(0, call.Long("offset") ?? 0);
            var limit = (int)Math.Clamp(call.Long("limit") ?? 100, 1, 100);
            lock (call.Store.Sync)
                return ValueTask.FromResult<object>(new StarTransactions { Transactions = call.Bot.Transactions.Skip(offset).Take(limit).ToArray() });
        };
        map["getMyStarBalance"] = (call, _) =>
        {
            lock (call.Store.Sync)
                return ValueTask.FromResult<object>(new StarAmount
                {
                    Amount = call.Bot.StarBalance,
                    NanostarAmount = call.Bot.StarNanostars == 0 ? null : call.Bot.StarNanostars,
                });
        };
    }

    private static ChargeRecord FindCharge(MethodCall call, UserRecord user)
    {
        var id = call.ReqStr("telegram_payment_charge_id");
        return call.Store.Data.Charges.TryGetValue(id, out var charge) && charge.BotId == call.Bot.Id && charge.UserId == user.Id
            ? charge
            : throw BotApiException.BadRequest("CHARGE_NOT_FOUND");
    }
}
