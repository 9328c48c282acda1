namespace Platform.TelegramSandbox.Api;

/// <summary>A Bot API error reply: Telegram's error_code, description and optional retry_after.</summary>
internal sealed class BotApiException(int code, string description, int? retryAfter = null) : Exception(description)
{
    public int Code { get; } = code;
    public string Description { get; } = description;
    public int? RetryAfter { get; } = retryAfter;

    public static BotApiException BadRequest(string what) => new(400, "Bad Request: " + what);
    public static BotApiException Forbidden(string what) => new(403, "Forbidden: " + what);
}
