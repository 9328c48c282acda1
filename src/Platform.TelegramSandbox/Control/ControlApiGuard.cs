using Microsoft.Extensions.Options;
using Platform.TelegramSandbox.Hosting;
using Platform.TelegramSandbox.Model;

namespace Platform.TelegramSandbox.Control;

/// <summary>
/// Middleware in front of /sandbox/v1: the control API moves anyone's Stars and can reset everything, so it answers
/// only this machine unless an access token is configured (<see cref="LocalOnlyAccess"/>), and a state-changing call
/// must say <c>application/json</c> — a cross-site HTML form (urlencoded, multipart or text/plain) cannot, and a
/// cross-site script that sets it needs a CORS preflight the sandbox never grants. A request with a scoped token
/// (<see cref="SandboxScopes"/>) is held to that scope wherever it comes from, this machine included: a forged token is
/// 403, an endpoint not marked <see cref="ScopedAccess"/> is 403, and another scope's bot, user or file is 404.
/// </summary>
internal static class ControlApiGuard
{
    public static void UseControlApiGuard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SandboxOptions>>();
        var store = app.Services.GetRequiredService<SandboxStore>();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/sandbox/v1"), branch => branch.Use(async (http, next) =>
        {
            if (http.Request.Headers[SandboxScopes.HeaderName].ToString() is { Length: > 0 } scopeToken)
            {
                if (Refusal(http, store, scopeToken) is { } refused)
                {
                    await refused.ExecuteAsync(http);
                    return;
                }
            }
            else if (!LocalOnlyAccess.IsAllowed(http, options.Value.AccessToken))
            {
                await Results.Json(new { error = $"the control API answers only on loopback, or with Sandbox:AccessToken in {LocalOnlyAccess.HeaderName}" },
                    statusCode: 403)
                    .ExecuteAsync(http);
                return;
            }

            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !http.Request.HasJsonContentType())
            {
                await Results.Json(new { error = "state-changing calls need Content-Type: application/json" }, statusCode: 415).ExecuteAsync(http);
                return;
            }

            await next(http);
        }));
    }

    /// <summary>Why a scoped request may not go on, or null after noting its scope for the endpoint.</summary>
    private static IResult? Refusal(HttpContext http, SandboxStore store, string token)
    {
        string key;
        lock (store.Sync) key = store.Data.ScopeKey;
        if (SandboxScopes.Verify(Convert.FromBase64String(key), token) is not { } scope)
        {
            return Results.Json(new { error = "the scope token is not valid" }, statusCode: 403);
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<ScopedAccess>() is null)
        {
            return Results.Json(new { error = "not available with a scope token" }, statusCode: 403);
        }

        if (!ScopeRules.RouteInScope(http, store, scope))
        {
            return ControlEndpoints.NotFound("bot, user or file");
        }

        ScopedAccess.Set(http, scope);
        return null;
    }
}
