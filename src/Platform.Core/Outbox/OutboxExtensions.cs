using System.Text.Json;
using Platform.Core.Data;

namespace Platform.Core.Outbox;

public static class OutboxExtensions
{
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>
    /// Adds an event to the context's pending changes: it commits with the business change in the same
    /// SaveChanges/transaction, or not at all. The tenant is stamped by the context.
    /// </summary>
    public static OutboxEvent AddOutboxEvent(this PlatformDbContext db, string type, object data, DateTimeOffset now)
    {
        var outboxEvent = new OutboxEvent
        {
            Id = Guid.CreateVersion7(now),
            Type = type,
            ApiVersion = EventTypes.ApiVersion,
            Data = JsonSerializer.Serialize(data, DataJson),
            CreatedAt = now,
        };
        db.OutboxEvents.Add(outboxEvent);
        return outboxEvent;
    }
}
