namespace Platform.Core.Orders;

/// <summary>
/// One of the dashboard's recent paid orders, with just what a row needs (the order page has the rest), so the
/// dashboard never loads whole orders.
/// </summary>
/// <param name="IsTest">Paid through a test-mode bot (sandbox Stars): shown, but left out of every figure.</param>
public sealed record DashboardOrder(
    Guid Id,
    string ProductTitle,
    int PriceStars,
    OrderStatus Status,
    long CustomerTelegramUserId,
    string? CustomerUsername,
    string? CustomerFirstName,
    DateTimeOffset PaidAt,
    bool IsTest)
{
    /// <summary>The buyer as a person reads them: @username, else first name, else the Telegram id.</summary>
    public string Buyer => CustomerUsername is { Length: > 0 } username ? "@" + username
        : CustomerFirstName is { Length: > 0 } name ? name
        : CustomerTelegramUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
