using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.Core.Tenancy;

namespace Platform.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running app or database.</summary>
internal sealed class PlatformDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        DataServiceCollectionExtensions.Configure(builder, "Host=localhost;Database=design_time", new TenantSessionInterceptor());
        return new PlatformDbContext(builder.Options, new TenantContext());
    }
}
