using Platform.TelegramSandbox.Hosting;
using Platform.TelegramSandbox.Model;

namespace Platform.TelegramSandbox.Control;

/// <summary>
/// <c>POST /sandbox/v1/scopes {"scope":"store-…"}</c>: the token for a scope, for a caller with global access (the
/// platform). The same scope always gets the same token until a reset, so the platform stores nothing.
/// </summary>
internal static class ScopeEndpoints
{
    internal sealed record IssueScope(string? Scope);

    public static void Map(RouteGroupBuilder api) => api.MapPost("/scopes", (IssueScope body, SandboxStore store) =>
    {
        if (!SandboxScopes.IsValidScope(body.Scope))
        {
            return ControlEndpoints.BadRequest(SandboxScopes.ScopeRule);
        }

        lock (store.Sync)
        {
            store.Dirty = true; // a state made before scopes existed keeps the key it was just given
            return Results.Json(new { scope = body.Scope, token = SandboxScopes.Issue(Convert.FromBase64String(store.Data.ScopeKey), body.Scope!) });
        }
    });
}
