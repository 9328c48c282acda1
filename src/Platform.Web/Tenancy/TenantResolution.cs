using Platform.Core.Tenancy;

namespace Platform.Web.Tenancy;

/// <summary>What a strategy found: a tenant, or an identifier that names no tenant (Tenant is null).</summary>
public sealed record TenantResolution(string Strategy, string Identifier, TenantInfo? Tenant);
