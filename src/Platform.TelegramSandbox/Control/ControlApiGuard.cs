using Microsoft.Extensions.Options;
using Platform.TelegramSandbox.Hosting;

namespace Platform.TelegramSandbox.Control;

/// <summary>
/// Middleware in front of /sandbox/v1: the control API moves anyone's Stars and can reset everything, so it answers
/// only this machine unless an access token is configured (<see cref="LocalOnlyAccess"/>), and a state-changing call
/// must say <c>application/json</c> — a cross-site HTML form (urlencoded, multipart or text/plain) cannot, and a
/// cross-site script that sets it needs a CORS preflight the sandbox never grants.
/// </summary>
internal static class ControlApiGuard
{
    public static void UseControlApiGuard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SandboxOptions>>();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/sandbox/v1"), branch => branch.Use(async (http, next) =>
        {
            if (!LocalOnlyAccess.IsAllowed(http, options.Value.AccessToken))
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
}
