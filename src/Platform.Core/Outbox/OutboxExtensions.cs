using System.Text.Json;
using Platform.Core.Data;
using Platform.Core.Events;

namespace Platform.Core.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// Adds an event to the context's pending changes: it commits with the business change in the same
    /// SaveChanges/transaction, or not at all. The tenant is stamped by the context.
    /// </summary>
    public static OutboxEvent AddOutboxEvent<TEvent>(this PlatformDbContext db, TEvent data, DateTimeOffset now) where TEvent : IPlatformEvent =>
        db.AddOutboxEvent(TEvent.TypeName, data, now);

    /// <summary>An event not yet attached to any context: for hot paths that insert it with their own statement (<see cref="InsertWhereSql"/>).</summary>
    public static OutboxEvent NewEvent<TEvent>(TEvent data, DateTimeOffset now) where TEvent : IPlatformEvent =>
        NewEvent(TEvent.TypeName, data, now);

    /// <summary>Any type and data, for tests and the benchmark that exercise delivery with payloads of their own; product code passes records.</summary>
    internal static OutboxEvent AddOutboxEvent(this PlatformDbContext db, string type, object data, DateTimeOffset now)
    {
        var outboxEvent = NewEvent(type, data, now);
        db.OutboxEvents.Add(outboxEvent);
        return outboxEvent;
    }

    private static OutboxEvent NewEvent(string type, object data, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Type = type,
        ApiVersion = EventTypes.ApiVersion,
        Data = JsonSerializer.Serialize(data, EventJson.Options),
        CreatedAt = now,
    };

    /// <summary>
    /// <c>INSERT … SELECT … FROM {source}</c>: the event is written only when the CTE <paramref name="source"/> returned a
    /// row (the business change happened), in the same statement. Parameters from <paramref name="first"/>: id, tenant,
    /// type, api version, data, created at — fill them with <see cref="InsertValues"/>.
    /// </summary>
    public static string InsertWhereSql(string source, int first) =>
        """INSERT INTO "OutboxEvents" ("Id", "TenantId", "Type", "ApiVersion", "Data", "CreatedAt") """
        + $"""SELECT ${first}, ${first + 1}, ${first + 2}, ${first + 3}, ${first + 4}::jsonb, ${first + 5} FROM {source}""";

    public static object[] InsertValues(OutboxEvent outboxEvent, Guid tenantId) =>
        [outboxEvent.Id, tenantId, outboxEvent.Type, outboxEvent.ApiVersion, outboxEvent.Data, outboxEvent.CreatedAt];
}
