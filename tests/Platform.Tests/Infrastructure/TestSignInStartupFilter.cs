using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Identity;
using Platform.Web.Tenancy;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// Test-host only: <c>/_test/sign-in?email=…&amp;tenant=…</c> issues the real Identity cookie with the
/// current-store claim, as the portal's login does, without depending on the login page's markup.
/// </summary>
internal sealed class TestSignInStartupFilter : IStartupFilter
{
    public const string Path = "/_test/sign-in";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Not app.Map: that would move the path into PathBase and scope the cookie to it.
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path != Path)
            {
                await nextMiddleware(context);
                return;
            }

            var users = context.RequestServices.GetRequiredService<UserManager<PlatformUser>>();
            var signIn = context.RequestServices.GetRequiredService<SignInManager<PlatformUser>>();
            var user = await users.FindByEmailAsync(context.Request.Query["email"].ToString())
                ?? throw new InvalidOperationException("No such user.");
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TenantClaimTypes.TenantId, context.Request.Query["tenant"].ToString())]);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        next(app);
    };
}
