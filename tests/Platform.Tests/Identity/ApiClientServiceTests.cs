using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Tests.Identity;

/// <summary>API clients: secrets are shown once and stored hashed, names are checked, revocation removes the OpenIddict client.</summary>
public sealed class ApiClientServiceTests(OidcAppFactory app) : IClassFixture<OidcAppFactory>
{
    [Fact]
    public async Task A_new_client_belongs_to_the_store_and_its_secret_is_stored_only_as_a_hash()
    {
        var (store, owner, _) = await app.NewStoreAsync("Romeo");

        var created = await app.CreateApiClientAsync(store, owner);

        Assert.Matches("^sf_[a-z2-7]{20}$", created.Client!.ClientId);
        Assert.True(created.ClientSecret!.Length >= 43);
        Assert.DoesNotContain(created.ClientSecret, created.ToString());
        await using var scope = app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(created.Client.ClientId);
        Assert.NotNull(application);
        Assert.True(await applications.ValidateClientSecretAsync(application, created.ClientSecret));
        var stored = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>()
            .Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == created.Client.ClientId).Select(a => a.ClientSecret).SingleAsync();
        Assert.NotEqual(created.ClientSecret, stored);
        Assert.DoesNotContain(created.ClientSecret, stored!);
        var properties = await applications.GetPropertiesAsync(application);
        Assert.Equal(store.Id.ToString(), properties[ApiClientService.TenantIdProperty].GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_missing_name_is_refused_with_a_field_error(string? name)
    {
        var (store, owner, _) = await app.NewStoreAsync("Sierra");
        await using var scope = app.CreateTenantScope(store);

        var result = await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync(name, owner, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(nameof(ApiClient.Name), result.Errors.Keys);
    }

    [Fact]
    public async Task A_name_over_80_characters_is_refused()
    {
        var (store, owner, _) = await app.NewStoreAsync("Tango");
        await using var scope = app.CreateTenantScope(store);

        var result = await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync(new string('x', 81), owner, CancellationToken.None);

        Assert.Contains(nameof(ApiClient.Name), result.Errors.Keys);
    }

    [Fact]
    public async Task Revoking_deletes_the_openiddict_client_and_keeps_the_row_marked_revoked()
    {
        var (store, owner, _) = await app.NewStoreAsync("Uniform");
        var created = await app.CreateApiClientAsync(store, owner);

        await using (var scope = app.CreateTenantScope(store))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiClientService>().RevokeAsync(created.Client!.Id, CancellationToken.None));
        }

        await using var check = app.CreateTenantScope(store);
        Assert.Null(await check.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(created.Client.ClientId));
        var row = await check.ServiceProvider.GetRequiredService<ApiClientService>().FindAsync(created.Client.Id, CancellationToken.None);
        Assert.NotNull(row!.RevokedAt);
    }

    [Fact]
    public async Task Another_store_can_neither_see_nor_revoke_a_client()
    {
        var (storeA, ownerA, _) = await app.NewStoreAsync("Victor");
        var (storeB, _, _) = await app.NewStoreAsync("Whiskey");
        var created = await app.CreateApiClientAsync(storeA, ownerA);

        await using var scope = app.CreateTenantScope(storeB);
        var clients = scope.ServiceProvider.GetRequiredService<ApiClientService>();

        Assert.Null(await clients.FindAsync(created.Client!.Id, CancellationToken.None));
        Assert.Empty(await clients.ListAsync(CancellationToken.None));
        Assert.False(await clients.RevokeAsync(created.Client.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_current_store_nothing_is_created()
    {
        await using var scope = app.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<TenantMismatchException>(() =>
            scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync("Orphan", Guid.NewGuid(), CancellationToken.None));
    }
}
