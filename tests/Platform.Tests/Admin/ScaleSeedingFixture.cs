using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Infrastructure;
using Platform.Web.Commands.Scale;

namespace Platform.Tests.Admin;

/// <summary>The web app on a database seeded once by <see cref="ScaleSeeder"/> at a tiny size (20 stores, 500 orders, 30 days).</summary>
public sealed class ScaleSeedingFixture : PlatformAppFactory
{
    public static readonly ScaleSeedOptions Size = new(20, 500, 30);

    public ScaleSeedResult Seeded { get; private set; } = null!;

    public string Progress { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var progress = new StringWriter();
        Seeded = await ActivatorUtilities.CreateInstance<ScaleSeeder>(Services).SeedAsync(Database.OwnerConnectionString, Size, progress,
            CancellationToken.None);
        Progress = progress.ToString();
    }
}
