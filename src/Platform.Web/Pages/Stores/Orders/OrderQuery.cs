using Platform.Core.Orders;

namespace Platform.Web.Pages.Stores.Orders;

/// <summary>
/// The orders list's query string (<c>Status</c>, <c>ProductId</c>, <c>Customer</c>, <c>From</c>, <c>To</c>; pages are
/// <c>p</c>, 1-based, because Razor Pages keeps the route value <c>page</c> for itself) turned into an
/// <see cref="OrderFilter"/>, the same for the page and its CSV. Dates are whole UTC days: "to" includes its day.
/// </summary>
public static class OrderQuery
{
    public static OrderFilter Filter(OrderStatus? status, Guid? productId, string? customer, DateOnly? from, DateOnly? to, int page = 0) => new()
    {
        Status = status,
        ProductId = productId,
        Customer = customer,
        Page = page,
        From = from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        To = to is { } t && t < DateOnly.MaxValue ? t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
    };

    /// <summary>The query string of the same filters (for page links and the CSV link), with the 1-based page when given.</summary>
    public static string Of(OrderStatus? status, Guid? productId, string? customer, DateOnly? from, DateOnly? to, int? page = null) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["Status"] = status?.ToString(),
            ["ProductId"] = productId?.ToString(),
            ["Customer"] = customer,
            ["From"] = from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["To"] = to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
