using System.ComponentModel.DataAnnotations;

namespace Platform.Core.Data;

/// <summary>
/// Connection strings. The app connects as a role that neither owns the tables nor is superuser, so
/// row-level security binds it; migrations run as the owner role through the explicit migrate step.
/// </summary>
public sealed class PlatformDatabaseOptions
{
    /// <summary>ConnectionStrings:Platform — the app role.</summary>
    [Required(ErrorMessage = "ConnectionStrings:Platform is not set. Set it to the app role's PostgreSQL connection string (in Development it is " +
        "filled in by the local cluster).")]
    public string Platform { get; set; } = string.Empty;

    /// <summary>ConnectionStrings:PlatformMigrations — the owner role; needed only by the migrate step.</summary>
    public string? PlatformMigrations { get; set; }
}
