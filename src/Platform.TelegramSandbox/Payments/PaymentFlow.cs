using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Payments;

namespace Platform.TelegramSandbox.Payments;

/// <summary>
/// A buyer paying an invoice, as Telegram runs it: pre_checkout_query to the bot, a 10 s window on the
/// sandbox clock for answerPreCheckoutQuery, then Stars move and successful_payment arrives.
/// All members are called under the store lock.
/// </summary>
internal static class PaymentFlow
{
    public static readonly TimeSpan PreCheckoutTimeout = TimeSpan.FromSeconds(10);

    public static PreCheckoutRecord Start(SandboxStore store, BotRecord bot, UserRecord user, InvoiceRecord invoice)
    {
        var record = new PreCheckoutRecord
        {
            Id = store.NewId(""),
            BotId = bot.Id,
            UserId = user.Id,
            Invoice = invoice,
            Deadline = store.Now + PreCheckoutTimeout,
        };
        store.Data.PreCheckouts[record.Id] = record;
        // A subscription link cannot be bought twice while the subscription runs.
        if (invoice.SubscriptionPeriod is not null && store.Data.Subscriptions.Values.Any(s =>
                s.Active && s.UserId == user.Id && s.BotId == bot.Id && s.ChannelId is null && s.InviteLink == invoice.Link))
        {
            record.Status = PaymentStatus.AlreadySubscribed;
            return record;
        }
        // Like Telegram, a buyer who cannot afford it never gets as far as the bot.
        if (user.Stars < invoice.Amount)
        {
            record.Status = PaymentStatus.InsufficientStars;
            return record;
        }
        store.ChatOf(bot, user.Id);
        store.Enqueue(bot, new Update
        {
            PreCheckoutQuery = new PreCheckoutQuery
            {
                Id = record.Id,
                From = user.ToUser(),
                Currency = invoice.Currency,
                TotalAmount = invoice.Amount,
                InvoicePayload = invoice.Payload,
            },
        });
        return record;
    }

    /// <summary>The bot said ok: move the Stars and tell the bot.</summary>
    public static void Complete(SandboxStore store, PreCheckoutRecord record)
    {
        var bot = store.Data.Bots[record.BotId];
        var user = store.Data.Users[record.UserId];
        var invoice = record.Invoice;
        if (user.Stars < invoice.Amount)
        {
            record.Status = PaymentStatus.InsufficientStars;
            return;
        }
        SubscriptionRecord? subscription = null;
        if (invoice.SubscriptionPeriod is { } period)
        {
            subscription = new SubscriptionRecord
            {
                Id = store.NewId("sub"),
                BotId = bot.Id,
                UserId = user.Id,
                Price = invoice.Amount,
                Period = period,
                Payload = invoice.Payload,
                Title = invoice.Title,
                ExpiresAt = store.Now.AddSeconds(period),
                InviteLink = invoice.Link,
            };
            store.Data.Subscriptions[subscription.Id] = subscription;
        }
        record.ChargeId = Charge(store, bot, user, invoice.Amount, invoice.Payload, subscription, first: true);
        record.Status = PaymentStatus.Paid;
    }

    /// <summary>Debits the buyer, credits the bot, records the transaction and sends successful_payment.</summary>
    public static string Charge(SandboxStore store, BotRecord bot, UserRecord user, int amount, string payload, SubscriptionRecord? subscription, bool first)
    {
        var chargeId = store.NewId("stxc");
        user.Stars -= amount;
        bot.StarBalance += amount;
        store.Data.Charges[chargeId] = new ChargeRecord
        {
            Id = chargeId,
            BotId = bot.Id,
            UserId = user.Id,
            Amount = amount,
            Payload = payload,
            SubscriptionId = subscription?.Id,
        };
        subscription?.ChargeIds.Add(chargeId);
        bot.Transactions.Add(new StarTransaction
        {
            Id = chargeId,
            Amount = amount,
            Date = store.Now.UtcDateTime,
            Source = new TransactionPartnerUser
            {
                TransactionType = TransactionPartnerUserTransactionType.InvoicePayment,
                User = user.ToUser(),
                InvoicePayload = payload,
                SubscriptionPeriod = subscription?.Period,
            },
        });
        var message = store.AddMessage(bot, user.ToPrivateChat(), user.ToUser(), m => m.SuccessfulPayment = new SuccessfulPayment
        {
            Currency = "XTR",
            TotalAmount = amount,
            InvoicePayload = payload,
            TelegramPaymentChargeId = chargeId,
            ProviderPaymentChargeId = chargeId,
            SubscriptionExpirationDate = subscription?.ExpiresAt.UtcDateTime,
            IsRecurring = subscription is not null,
            IsFirstRecurring = subscription is not null && first,
        });
        store.Enqueue(bot, new Update { Message = message });
        return chargeId;
    }

    /// <summary>Pre-checkout queries nobody answered within 10 s fail, exactly when the clock says so.</summary>
    public static void ExpireUnanswered(SandboxStore store)
    {
        foreach (var record in store.Data.PreCheckouts.Values)
            if (record.Status == PaymentStatus.Pending && store.Now >= record.Deadline)
            {
                record.Status = PaymentStatus.TimedOut;
                store.Dirty = true;
            }
    }
}
