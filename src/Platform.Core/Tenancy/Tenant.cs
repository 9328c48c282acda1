namespace Platform.Core.Tenancy;

/// <summary>A merchant's store: the unit of isolation. Stable <see cref="Id"/>, public <see cref="Slug"/>.</summary>
[GlobalEntity("The tenant registry itself; rows are resolved before a tenant is known.")]
public sealed class Tenant
{
    public const int SlugMaxLength = 48;
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public TenantStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
