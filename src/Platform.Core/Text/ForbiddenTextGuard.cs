using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Core.Text;

/// <summary>
/// Last guard before PostgreSQL: every added or changed string property is checked for what cannot be stored
/// (<see cref="ForbiddenText.IsUnstorable"/>: NUL, lone surrogates) and against its configured maximum length before
/// the save starts, so no path (a page, an endpoint, a job) can reach the
/// database with NUL or half-write a batch. Throws <see cref="TextRefusedException"/>; the web host answers 400.
/// </summary>
public sealed class ForbiddenTextGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                CheckEntry(entry);
            }
        }
    }

    private static void CheckEntry(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.CurrentValue is not string value || (entry.State == EntityState.Modified && !property.IsModified))
            {
                continue;
            }

            var field = $"{entry.Metadata.ClrType.Name}.{property.Metadata.Name}";
            if (ForbiddenText.IsUnstorable(value))
            {
                throw new TextRefusedException(property.Metadata.Name, ForbiddenText.For(field));
            }

            if (property.Metadata.GetMaxLength() is { } max && value.Length > max)
            {
                throw new TextRefusedException(property.Metadata.Name, $"{field} is longer than {max} characters.");
            }
        }
    }
}
