namespace Platform.Tests.Webhooks;

/// <summary>A request the receiver got; header names lower-cased.</summary>
public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    public string Id => Headers["webhook-id"];
    public long Timestamp => long.Parse(Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture);
    public string[] Signatures => Headers["webhook-signature"].Split(' ');
}
