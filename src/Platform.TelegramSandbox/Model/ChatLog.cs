using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Model;

/// <summary>One conversation between a bot and a chat, in Telegram's own Message objects.</summary>
internal sealed class ChatLog
{
    public long ChatId { get; set; }
    public int NextMessageId { get; set; } = 1;
    public List<Message> Messages { get; set; } = [];
    /// <summary>Invoices sent with sendInvoice, keyed by their message id, so a buyer can pay them.</summary>
    public Dictionary<int, InvoiceRecord> Invoices { get; set; } = [];
    /// <summary>The latest answerCallbackQuery text per message, shown to the buyer.</summary>
    public List<string> Notices { get; set; } = [];
    /// <summary>The reply keyboard the bot last showed (null once removed).</summary>
    public Telegram.Bot.Types.ReplyMarkups.ReplyKeyboardMarkup? Keyboard { get; set; }
}
