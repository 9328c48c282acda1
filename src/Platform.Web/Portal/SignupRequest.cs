using System.ComponentModel.DataAnnotations;
using Platform.Core.Tenancy;

namespace Platform.Web.Portal;

/// <summary>Body of <c>POST /api/signup</c>. Slug is optional (derived from the store name when missing).</summary>
public sealed record SignupRequest(
    [property: Required, StringLength(Tenant.NameMaxLength)] string? StoreName,
    [property: Required, EmailAddress, StringLength(256)] string? Email,
    [property: Required, StringLength(128)] string? Password,
    [property: StringLength(Tenant.SlugMaxLength)] string? Slug = null);
