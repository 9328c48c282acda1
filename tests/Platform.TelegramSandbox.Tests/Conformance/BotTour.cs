using System.Text;
using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.Payments;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.TelegramSandbox.Tests.Conformance;

/// <summary>
/// A small store bot written with Telegram.Bot that calls every method the issue lists, with a buyer on the
/// other side, so every kind of object and update the sandbox emits passes through the bot's recorder.
/// </summary>
public static class BotTour
{
    public static async Task RunAsync(TestSandbox sandbox, TestBot bot)
    {
        var c = bot.Client;
        var ann = await sandbox.CreateUserAsync("Ann", stars: 1000);
        await c.GetUpdates(allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.PreCheckoutQuery, UpdateType.ChatMember,
            UpdateType.MyChatMember, UpdateType.ChatJoinRequest]);
        await c.GetMe();
        await c.SetMyCommands([new BotCommand("start", "Open the store")]);
        await c.GetMyCommands();
        await sandbox.SendTextAsync(ann, bot, "/start hello");
        await bot.ReceiveAsync();

        var menu = await c.SendMessage(ann, "*Menu*", ParseMode.MarkdownV2, replyMarkup: new InlineKeyboardMarkup(
            InlineKeyboardButton.WithCallbackData("Ebooks", "ebooks")));
        await c.EditMessageText(ann, menu.Id, "Menu", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ebooks", "ebooks")));
        await c.EditMessageReplyMarkup(ann, menu.Id, new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("All ebooks", "ebooks")));
        await sandbox.PostAsync($"sandbox/v1/users/{ann}/bots/{bot.Id}/callbacks", new { message_id = menu.Id, callback_data = "ebooks" });
        await c.AnswerCallbackQuery((await bot.ReceiveAsync()).Single().CallbackQuery!.Id, "Here you go");
        await sandbox.AdvanceAsync(10); // flood control runs on the sandbox clock too
        var doc = await c.SendDocument(ann, InputFile.FromStream(new MemoryStream(Encoding.UTF8.GetBytes("book")), "book.txt"), caption: "Your book");
        await c.SendPhoto(ann, InputFile.FromStream(new MemoryStream([0xFF, 0xD8, 0xFF, 0xD9]), "cover.jpg"));
        await c.GetFile(doc.Document!.FileId);
        await c.DeleteMessage(ann, menu.Id);

        var invoice = await c.SendInvoice(ann, "Ebook", "A fine ebook", "ebook-1", "XTR", [new LabeledPrice("Ebook", 50)]);
        var pay = sandbox.PayAsync(ann, new { bot_id = bot.Id, message_id = invoice.Id });
        await c.AnswerPreCheckoutQuery((await bot.ReceiveAsync()).Single().PreCheckoutQuery!.Id);
        await pay;
        var charge = (await bot.ReceiveAsync()).Single().Message!.SuccessfulPayment!.TelegramPaymentChargeId;
        await c.RefundStarPayment(ann, charge);
        await bot.ReceiveAsync();

        var link = await c.CreateInvoiceLink("Club", "Monthly club", "club", "XTR", [new LabeledPrice("Month", 100)], subscriptionPeriod: 2_592_000);
        var subCharge = await PaymentTests.PayAsync(sandbox, bot, ann, link);
        await c.EditUserStarSubscription(ann, subCharge, isCanceled: true);
        await sandbox.PostAsync($"sandbox/v1/bots/{bot.Id}/withdrawals", new { amount = 10, state = "succeeded" });
        await sandbox.PostAsync($"sandbox/v1/bots/{bot.Id}/withdrawals", new { amount = 10, state = "pending" });
        await c.GetStarTransactions();
        await c.GetMyStarBalance();

        var channelId = (await sandbox.PostAsync("sandbox/v1/channels", new { title = "Premium", username = "premium_posts", bot_id = bot.Id }))
            .GetProperty("id").GetInt64();
        var invite = await c.CreateChatInviteLink(channelId, name: "friends", expireDate: TestSandbox.Epoch.AddDays(7).UtcDateTime, memberLimit: 10);
        var subLink = await c.CreateChatSubscriptionInviteLink(channelId, subscriptionPeriod: 2_592_000, subscriptionPrice: 20, name: "vip");
        await sandbox.PostAsync($"sandbox/v1/users/{ann}/joins", new { invite_link = subLink.InviteLink });
        await c.RevokeChatInviteLink(channelId, invite.InviteLink);
        await c.GetChatMember(channelId, ann);
        await c.BanChatMember(channelId, ann);
        await c.GetChatMember(channelId, ann);
        await c.UnbanChatMember(channelId, ann);
        await c.GetChatMember(channelId, ann);
        await c.GetChat(channelId);
        await c.GetChat("@premium_posts");
        await c.GetChat(ann);
        var bob = await sandbox.CreateUserAsync("Bob");
        var requestLink = await c.CreateChatInviteLink(channelId, createsJoinRequest: true);
        await sandbox.PostAsync($"sandbox/v1/users/{bob}/joins", new { invite_link = requestLink.InviteLink });
        await c.ApproveChatJoinRequest(channelId, bob);
        await bot.ReceiveAsync(6);

        await c.SetWebhook("http://127.0.0.1:9/unreachable", secretToken: "tour", maxConnections: 3, allowedUpdates: [UpdateType.Message],
            dropPendingUpdates: true);
        await c.GetWebhookInfo();
        await c.DeleteWebhook();
        await c.GetWebhookInfo();
    }

    /// <summary>The methods issue 3 names; each must be served and exercised by the tour.</summary>
    public static readonly string[] IssueMethods =
    [
        "getMe", "setWebhook", "deleteWebhook", "getWebhookInfo", "getUpdates", "setMyCommands", "getMyCommands", "sendMessage",
        "editMessageText", "editMessageReplyMarkup", "deleteMessage", "answerCallbackQuery", "sendPhoto", "sendDocument", "getFile",
        "sendInvoice", "createInvoiceLink", "answerPreCheckoutQuery", "refundStarPayment", "editUserStarSubscription",
        "getStarTransactions", "getMyStarBalance", "createChatInviteLink", "createChatSubscriptionInviteLink", "revokeChatInviteLink",
        "banChatMember", "unbanChatMember", "getChatMember", "getChat",
    ];
}
