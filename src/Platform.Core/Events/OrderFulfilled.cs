using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>order.fulfilled: written once per order by FulfilmentService when the last message of the goods went out.</summary>
[Description("The goods were delivered to the buyer (document and link, key, or text); the goods themselves are never in a webhook. Once per order.")]
public sealed record OrderFulfilled(
    [property: Description("The order's id.")] Guid OrderId,
    [property: Description("The product delivered.")] Guid ProductId,
    [property: Description("When the goods were delivered (ISO 8601, UTC).")] DateTimeOffset FulfilledAt) : IPlatformEvent
{
    public const string TypeName = "order.fulfilled";

    static string IPlatformEvent.TypeName => TypeName;
}
