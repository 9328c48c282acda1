namespace Platform.Core.Orders;

public enum OrderStatus
{
    /// <summary>Invoice sent; not paid.</summary>
    Pending = 0,

    /// <summary>successful_payment recorded; goods not yet all delivered.</summary>
    Paid = 1,

    /// <summary>Goods delivered.</summary>
    Fulfilled = 2,

    /// <summary>Stars returned; key revoked, links dead.</summary>
    Refunded = 3,

    /// <summary>Never paid (expired or refused at pre-checkout).</summary>
    Cancelled = 4,

    /// <summary>
    /// Left pending past <c>Maintenance:AbandonPendingOrdersAfter</c>: pre-checkout refuses it, but a payment that
    /// still arrives for it (an old invoice Telegram let through) is recorded and fulfilled like any other.
    /// </summary>
    Abandoned = 5,
}
