using Platform.Tests.Merchant;

namespace Platform.Tests.Accessibility;

/// <summary>
/// The merchant host with one store seeded once for the whole class (<see cref="A11yWalkSeed"/>): the phone and axe walks
/// visit every page over the same data instead of building a store per page.
/// </summary>
public sealed class A11yWalkAppFactory : MerchantAppFactory
{
    private A11yWalkData? data;

    public A11yWalkData Data => data ?? throw new InvalidOperationException("The walk's store is not seeded yet.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        data = await A11yWalkSeed.SeedAsync(this);
    }
}
