using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.Core.Data;

/// <summary>
/// Plain Npgsql connections (app role, so row-level security applies) for the two places EF Core does not fit:
/// the inbox group commit and the per-chat advisory locks; the pre-checkout fast path reads through it too. In Data, the
/// persistence hub, because the inbox and Payments both use it.
/// </summary>
public sealed class BotDataSource(IOptions<PlatformDatabaseOptions> database) : IDisposable
{
    private readonly Lazy<NpgsqlDataSource> source = new(() => NpgsqlDataSource.Create(AppConnectionString.WithDefaults(database.Value.Platform)));

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => source.Value.OpenConnectionAsync(cancellationToken);

    public void Dispose()
    {
        if (source.IsValueCreated)
        {
            source.Value.Dispose();
        }
    }
}
