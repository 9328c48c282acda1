namespace Platform.Core.Tenancy;

/// <summary>Either the new store and owner, or field-keyed errors fit for a form or a problem details body.</summary>
public sealed record StoreSignupResult(TenantInfo? Tenant, Guid? OwnerUserId, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Tenant is not null;

    public static StoreSignupResult Failed(string field, string message) =>
        new(null, null, new Dictionary<string, string[]> { [field] = [message] });
}
