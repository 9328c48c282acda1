using Platform.Core.Orders;

namespace Platform.Web.Pages.Stores.Orders;

/// <summary>
/// Order statuses and delivery kinds as people say them ("Download link", not <c>DownloadLink</c>), for the orders
/// pages and their CSV; the API keeps its snake_case names. Other pages that list orders may use these too.
/// </summary>
public static class OrderLabels
{
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "Awaiting payment",
        OrderStatus.Paid => "Paid",
        OrderStatus.Fulfilled => "Delivered",
        OrderStatus.Refunded => "Refunded",
        OrderStatus.Cancelled => "Cancelled",
        OrderStatus.Abandoned => "Abandoned",
        _ => status.ToString(),
    };

    /// <summary>The CSS class of the status badge (<c>badge order-abandoned</c>…).</summary>
    public static string StatusClass(OrderStatus status) => "badge order-" + status.ToString().ToLowerInvariant();

    public static string Kind(DeliveryKind kind) => kind switch
    {
        DeliveryKind.Document => "File",
        DeliveryKind.DownloadLink => "Download link",
        DeliveryKind.LicenseKey => "License key",
        DeliveryKind.Text => "Secret text",
        DeliveryKind.Resend => "Sent again",
        DeliveryKind.RefundNotice => "Refund notice",
        DeliveryKind.DownloadsReset => "Downloads reset",
        _ => kind.ToString(),
    };

    /// <summary>A row of the delivery history: the goods of a resend (sequence above 0) say they were sent again.</summary>
    public static string Delivery(Delivery delivery) =>
        delivery.Sequence > 0 && delivery.Kind is DeliveryKind.Document or DeliveryKind.DownloadLink or DeliveryKind.LicenseKey or DeliveryKind.Text
            ? $"{Kind(delivery.Kind)} (sent again)"
            : Kind(delivery.Kind);
}
