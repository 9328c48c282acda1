namespace Platform.TelegramSandbox.Model;

/// <summary>A pressed inline button and the bot's answer, if any.</summary>
internal sealed class CallbackRecord
{
    public string Id { get; set; } = "";
    public long BotId { get; set; }
    public long UserId { get; set; }
    public bool Answered { get; set; }
    public string? AnswerText { get; set; }
    public bool ShowAlert { get; set; }
}
