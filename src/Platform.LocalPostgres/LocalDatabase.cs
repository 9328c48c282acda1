namespace Platform.LocalPostgres;

/// <summary>
/// A provisioned database. <see cref="OwnerConnectionString"/> logs in as <c>starfront_owner</c> (runs migrations,
/// owns the tables); <see cref="AppConnectionString"/> logs in as <c>starfront_app</c> (the running application:
/// not the owner, not a superuser, no BYPASSRLS, so row-level security applies to it).
/// </summary>
public sealed record LocalDatabase(string Name, string OwnerConnectionString, string AppConnectionString);

/// <summary>The two login roles every Starfront database uses.</summary>
public static class StarfrontRoles
{
    /// <summary>Owns the database and its tables; migrations run as this role.</summary>
    public const string Owner = "starfront_owner";

    /// <summary>The role the running application uses.</summary>
    public const string App = "starfront_app";
}
