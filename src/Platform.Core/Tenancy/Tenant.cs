namespace Platform.Core.Tenancy;

/// <summary>A merchant's store: the unit of isolation. Stable <see cref="Id"/>, public <see cref="Slug"/>.</summary>
[GlobalEntity("The tenant registry itself; rows are resolved before a tenant is known.")]
public sealed class Tenant
{
    public const int SlugMaxLength = 48;
    public const int NameMaxLength = 100;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public TenantStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a platform admin suspended the store (null while active).</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    /// <summary>The reason the admin typed when suspending; shown to the merchant in the portal's banner.</summary>
    public string? SuspensionReason { get; set; }

    /// <summary>Set by an admin: bought downloads stop working too (a suspension alone keeps them available).</summary>
    public bool DeliveriesFrozen { get; set; }
}
