namespace Platform.Core.Tenancy;

/// <summary>
/// Marks an entity as deliberately shared by all tenants. Every entity is either
/// <see cref="ITenantOwned"/> or carries this attribute (or is listed in
/// <see cref="Platform.Core.Data.GlobalEntities"/> for third-party types); a test enforces it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GlobalEntityAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
