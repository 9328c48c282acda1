using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Payments;

namespace Platform.TelegramSandbox.Tests.Infrastructure;

/// <summary>
/// A tiny store written with Telegram.Bot, running a getUpdates loop in the background: /start sends an
/// invoice, pre-checkout is approved, a successful payment delivers the ebook as a document; /menu shows a button.
/// </summary>
public sealed class StoreBot : IAsyncDisposable
{
    public static readonly byte[] Ebook = "%PDF-1.4 sandbox ebook"u8.ToArray();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StoreBot(TestBot bot) => _loop = RunAsync(bot.Client, _stop.Token);

    private static async Task RunAsync(TelegramBotClient client, CancellationToken ct)
    {
        var offset = 0;
        while (!ct.IsCancellationRequested)
        {
            Update[] updates;
            try { updates = await client.GetUpdates(offset, timeout: 1, cancellationToken: ct); }
            // Stopping mid-poll: Telegram.Bot may wrap the cancellation in a RequestException while reading the response.
            catch (Exception e) when (e is OperationCanceledException || ct.IsCancellationRequested) { return; }
            foreach (var update in updates)
            {
                offset = update.Id + 1;
                if (update.Message is { Text: "/menu" } menu)
                    await client.SendMessage(menu.Chat.Id, "What would you like?",
                        replyMarkup: new Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup(
                            Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData("Ebooks", "ebooks")), cancellationToken: ct);
                else if (update.CallbackQuery is { Data: "ebooks" } pressed)
                    await client.AnswerCallbackQuery(pressed.Id, "Opening ebooks", cancellationToken: ct);
                else if (update.Message is { Text: "/start" } start)
                    await client.SendInvoice(start.Chat.Id, "Ebook", "The sandbox ebook", "ebook-1", "XTR", [new LabeledPrice("Ebook", 100)],
                        cancellationToken: ct);
                else if (update.PreCheckoutQuery is { } query)
                    await client.AnswerPreCheckoutQuery(query.Id, cancellationToken: ct);
                else if (update.Message is { SuccessfulPayment: not null } paid)
                    await client.SendDocument(paid.Chat.Id, InputFile.FromStream(new MemoryStream(Ebook), "ebook.pdf"), caption: "Thanks! Your ebook",
                        cancellationToken: ct);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
