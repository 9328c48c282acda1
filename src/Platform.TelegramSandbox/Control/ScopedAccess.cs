namespace Platform.TelegramSandbox.Control;

/// <summary>
/// Endpoint metadata: a caller with a scoped token (<see cref="Hosting.SandboxScopes"/>) may use this control endpoint.
/// Every other one answers such a caller 403, so a new endpoint is global-only until someone decides otherwise — the
/// safe default for calls that reset, move the clock, or list what every store has.
/// </summary>
internal sealed class ScopedAccess
{
    private const string ItemKey = "sandbox.scope";

    public static readonly ScopedAccess Allowed = new();

    /// <summary>The scope of this request; null for global access (the platform, this machine's developer).</summary>
    public static string? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var scope) ? scope as string : null;

    public static void Set(HttpContext http, string scope) => http.Items[ItemKey] = scope;

    /// <summary>Whether a record made under <paramref name="recordScope"/> is visible to a request of <paramref name="requestScope"/>.</summary>
    public static bool Sees(string? requestScope, string? recordScope) => requestScope is null || requestScope == recordScope;
}
