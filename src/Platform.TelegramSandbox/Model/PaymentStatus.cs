namespace Platform.TelegramSandbox.Model;

/// <summary>How a buyer's payment attempt ended, as the control API reports it.</summary>
public enum PaymentStatus
{
    Pending,
    Paid,
    Rejected,
    TimedOut,
    InsufficientStars,
    AlreadySubscribed,
}
