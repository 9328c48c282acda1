namespace Platform.TelegramSandbox.Control.Client;

/// <summary>How a buyer's payment ended: paid, rejected (with the bot's error_message), timed_out or insufficient_stars.</summary>
public sealed record SandboxPayment(string Status, string? ErrorMessage, string? TelegramPaymentChargeId, long Stars, string PreCheckoutQueryId);
