namespace Platform.Core.Subscriptions;

/// <summary>What <see cref="MemberProducts.DeliverAsync"/> did.</summary>
public enum MemberDelivery
{
    /// <summary>The file (and its download link) or the text was sent.</summary>
    Sent = 0,

    /// <summary>The membership no longer grants access: the member was told so, nothing delivered.</summary>
    AccessEnded = 1,

    /// <summary>No such membership for this chat, or its plan does not grant this product (or it has nothing to send).</summary>
    NotGranted = 2,
}
