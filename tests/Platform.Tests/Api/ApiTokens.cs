using Duende.IdentityModel.Client;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Web.Identity;

namespace Platform.Tests.Api;

/// <summary>An HTTP client calling <c>/api/v1</c> with a real client-credentials token of a new API client of the store.</summary>
internal static class ApiTokens
{
    public static async Task<HttpClient> ClientForAsync(PlatformAppFactory app, TenantInfo tenant, Guid ownerId)
    {
        CreatedApiClient created;
        await using (var scope = app.CreateTenantScope(tenant))
        {
            created = (await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync("Back office", ownerId, CancellationToken.None)).Value!;
        }

        var http = app.CreateHttpClient();
        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = new Uri(app.BaseAddress, StarfrontOidc.TokenPath).ToString(),
            ClientId = created.Client!.ClientId,
            ClientSecret = created.ClientSecret!,
            Scope = StarfrontOidc.ApiScope,
        });
        if (token.IsError)
        {
            throw new InvalidOperationException($"{token.Error}: {token.ErrorDescription}");
        }

        http.SetBearerToken(token.AccessToken!);
        return http;
    }
}
