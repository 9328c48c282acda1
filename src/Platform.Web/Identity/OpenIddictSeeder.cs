using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Web.Identity;

/// <summary>
/// Registers the first-party clients. Idempotent: an existing client is updated to the current definition,
/// so changing redirect URIs or permissions here takes effect on the next start.
/// </summary>
public static class OpenIddictSeeder
{
    public static async Task EnsureClientsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = CliClient();
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    /// <summary>
    /// A public native client: no secret, so PKCE is required, and loopback redirect URIs (RFC 8252).
    /// Consent is implicit because we ship it ourselves.
    /// </summary>
    private static OpenIddictApplicationDescriptor CliClient()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = StarfrontOidc.CliClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Native,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Starfront CLI",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Prefixes.Scope + StarfrontOidc.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in StarfrontOidc.CliRedirectUris)
        {
            descriptor.RedirectUris.Add(uri);
            descriptor.PostLogoutRedirectUris.Add(uri);
        }

        return descriptor;
    }
}
