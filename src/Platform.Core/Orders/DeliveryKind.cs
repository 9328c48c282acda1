namespace Platform.Core.Orders;

public enum DeliveryKind
{
    Document = 0,
    DownloadLink = 1,
    LicenseKey = 2,
    Text = 3,

    /// <summary>A buyer asked for the goods again from /orders.</summary>
    Resend = 4,

    /// <summary>The refund notice sent to the customer.</summary>
    RefundNotice = 5,

    /// <summary>Not a message: the merchant reset the order's download count (the order's history records it; see <see cref="OrderActions"/>).</summary>
    DownloadsReset = 6,
}
