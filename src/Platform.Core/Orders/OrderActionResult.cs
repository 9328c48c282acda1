namespace Platform.Core.Orders;

/// <summary>What a merchant's action on one order (resend delivery, reset downloads) did, so the portal can say so.</summary>
public enum OrderActionResult
{
    /// <summary>Done (reset) or queued (resend).</summary>
    Done = 0,

    /// <summary>Not in this store.</summary>
    NotFound = 1,

    /// <summary>The order is not in a state the action applies to (not paid, refunded, a plan's charge, no download link).</summary>
    NotAllowed = 2,

    /// <summary>This resend (its sequence) was queued or sent before: a repeated click sends nothing more.</summary>
    AlreadyDone = 3,
}
