using Platform.Core.Data;

namespace Platform.Core.Subscriptions;

/// <summary>
/// Adds channel-access rows to the access log (grants, invitations, joins, removals, refusals) in the caller's unit of
/// work, so a row exists exactly when its change was saved. Text is cut to the columns.
/// </summary>
internal static class ChannelAccessLog
{
    public static void Add(PlatformDbContext db, Guid? subscriptionId, long userId, string action, string target, string actor, string reason,
        DateTimeOffset at) =>
        db.AccessLog.Add(new AccessLogEntry
        {
            Id = Guid.CreateVersion7(at),
            SubscriptionId = subscriptionId,
            TelegramUserId = userId,
            Action = action,
            Target = Cut(target, 255),
            Actor = Cut(actor, 300),
            Reason = Cut(reason, 500),
            At = at,
        });

    private static string Cut(string value, int max) => PostgresText.Clean(value.Length <= max ? value : value[..max])!;
}
