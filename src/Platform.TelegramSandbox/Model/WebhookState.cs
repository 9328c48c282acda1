namespace Platform.TelegramSandbox.Model;

/// <summary>A bot's webhook and its delivery health, as getWebhookInfo reports it.</summary>
internal sealed class WebhookState
{
    public string Url { get; set; } = "";
    public string? SecretToken { get; set; }
    public int MaxConnections { get; set; } = 40;
    public int FailedAttempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? LastErrorDate { get; set; }
    public string? LastErrorMessage { get; set; }
}
