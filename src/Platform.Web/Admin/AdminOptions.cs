namespace Platform.Web.Admin;

/// <summary>
/// Settings of the platform admin area (section <c>Admin</c>): how recent a sign-in must be before an admin may act
/// or open a store's data (docs/admin.md, "Access"). Validated on start: between one second and one day.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public TimeSpan ReauthenticateAfter { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsValid() => ReauthenticateAfter >= TimeSpan.FromSeconds(1) && ReauthenticateAfter <= TimeSpan.FromDays(1);
}
