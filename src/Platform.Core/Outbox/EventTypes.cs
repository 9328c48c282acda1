using Platform.Core.Events;

namespace Platform.Core.Outbox;

/// <summary>
/// Event type names as constants, for SQL, filters and tests. The names belong to the records in
/// <c>Platform.Core.Events</c> (one per type); a test fails when this list and the records differ.
/// </summary>
public static class EventTypes
{
    public const string ApiVersion = EventEnvelope.CurrentApiVersion;

    public const string OrderPaid = Events.OrderPaid.TypeName;
    public const string OrderFulfilled = Events.OrderFulfilled.TypeName;
    public const string OrderRefunded = Events.OrderRefunded.TypeName;
    public const string ProductSoldOut = Events.ProductSoldOut.TypeName;
    public const string BotBroken = Events.BotBroken.TypeName;
    public const string WebhookTest = Events.WebhookTest.TypeName;
    public const string SubscriptionStarted = Events.SubscriptionStarted.TypeName;
    public const string SubscriptionRenewed = Events.SubscriptionRenewed.TypeName;
    public const string SubscriptionCanceled = Events.SubscriptionCanceled.TypeName;
    public const string SubscriptionReactivated = Events.SubscriptionReactivated.TypeName;
    public const string SubscriptionExpired = Events.SubscriptionExpired.TypeName;
    public const string MemberJoined = Events.MemberJoined.TypeName;
    public const string MemberRemoved = Events.MemberRemoved.TypeName;
    public const string BalanceWithdrawable = Events.BalanceWithdrawable.TypeName;
}
