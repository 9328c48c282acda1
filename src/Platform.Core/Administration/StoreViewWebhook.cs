namespace Platform.Core.Administration;

/// <summary>
/// A webhook endpoint in the admin's store view: where it points (scheme, host and path only — credentials in the
/// address or its query stay hidden), whether it is on and since when it fails. Never its signing secret.
/// </summary>
public sealed record StoreViewWebhook(string Address, bool Enabled, DateTimeOffset? FailingSince)
{
    public static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}" : "(invalid address)";
}
