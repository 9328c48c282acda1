using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Ledger;
using Platform.Core.Tenancy;
using Platform.Tests.Merchant;
using Platform.Web.Identity;

namespace Platform.Tests.Ledger;

/// <summary>
/// The merchant host on a clock the test moves (a <see cref="FakeTimeProvider"/> as the platform's time), with helpers
/// to make a store's bots, write ledger rows the way the payment and refund paths do (<see cref="LedgerEntries"/> and
/// <see cref="LedgerEntries.InsertOnceAsync"/> in a tenant scope) and call the API with a real client-credentials token.
/// </summary>
public sealed class LedgerAppFactory : ClockedMerchantAppFactory
{
    /// <summary>Writes the rows <paramref name="build"/> makes (each once: a repeated key inserts nothing).</summary>
    public Task WriteAsync(TenantInfo tenant, Func<LedgerEntries, IEnumerable<StarLedgerEntry>> build) => InTenantAsync(tenant, async sp =>
    {
        var db = sp.GetRequiredService<PlatformDbContext>();
        foreach (var entry in build(sp.GetRequiredService<LedgerEntries>()))
        {
            await LedgerEntries.InsertOnceAsync(db, entry, tenant.Id, CancellationToken.None);
        }

        return true;
    });

    public async Task<HttpClient> ApiClientAsync(TenantInfo tenant, string email)
    {
        var ownerId = await InTenantAsync(tenant, async sp => (await sp.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email))!.Id);
        var client = await InTenantAsync(tenant, sp => sp.GetRequiredService<ApiClientService>().CreateAsync("Back office", ownerId, CancellationToken.None));
        var http = CreateHttpClient();
        using var response = await http.PostAsync(StarfrontOidc.TokenPath.TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.Value!.Client.ClientId,
            ["client_secret"] = client.Value.ClientSecret,
            ["scope"] = "api",
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
