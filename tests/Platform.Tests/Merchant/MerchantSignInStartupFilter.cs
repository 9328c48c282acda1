using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Identity;
using Platform.Web.Tenancy;

namespace Platform.Tests.Merchant;

/// <summary>
/// Test-host only: <c>/_test/merchant-sign-in?email=…&amp;tenant=…</c> issues the real Identity cookie with the
/// current-store claim, as the portal's login does, without depending on the login page (another branch).
/// </summary>
internal sealed class MerchantSignInStartupFilter : IStartupFilter
{
    public const string Path = "/_test/merchant-sign-in";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path != Path)
            {
                await nextMiddleware(context);
                return;
            }

            var users = context.RequestServices.GetRequiredService<UserManager<PlatformUser>>();
            var signIn = context.RequestServices.GetRequiredService<SignInManager<PlatformUser>>();
            var user = await users.FindByEmailAsync(context.Request.Query["email"].ToString()) ?? throw new InvalidOperationException("No such user.");
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TenantClaimTypes.TenantId, context.Request.Query["tenant"].ToString())]);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        next(app);
    };
}
