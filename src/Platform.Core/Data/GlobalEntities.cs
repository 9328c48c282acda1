using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Core.Tenancy;

namespace Platform.Core.Data;

/// <summary>
/// Which entities are shared by all tenants on purpose. Our own types say so with
/// <see cref="GlobalEntityAttribute"/>; third-party types we cannot annotate are listed here with the reason.
/// </summary>
public static class GlobalEntities
{
    public static IReadOnlyDictionary<Type, string> ThirdPartyTypes { get; } = new Dictionary<Type, string>
    {
        [typeof(IdentityUserClaim<Guid>)] = "Identity: belongs to a global user.",
        [typeof(IdentityUserLogin<Guid>)] = "Identity: belongs to a global user.",
        [typeof(IdentityUserToken<Guid>)] = "Identity: belongs to a global user.",
        [typeof(IdentityUserRole<Guid>)] = "Identity: platform-wide roles.",
        [typeof(IdentityRoleClaim<Guid>)] = "Identity: platform-wide roles.",
        [typeof(IdentityUserPasskey<Guid>)] = "Identity: belongs to a global user.",
        [typeof(OpenIddictEntityFrameworkCoreApplication)] = "OpenIddict: API clients carry their tenant in properties and in ApiClient.",
        [typeof(OpenIddictEntityFrameworkCoreAuthorization)] = "OpenIddict: tied to global applications and users.",
        [typeof(OpenIddictEntityFrameworkCoreScope)] = "OpenIddict: scopes are platform-wide.",
        [typeof(OpenIddictEntityFrameworkCoreToken)] = "OpenIddict: tied to global applications and users.",
        [typeof(DataProtectionKey)] = "Data Protection key ring of the whole platform.",
    };

    public static bool IsGlobal(Type clrType) =>
        ThirdPartyTypes.ContainsKey(clrType) || clrType.IsDefined(typeof(GlobalEntityAttribute), inherit: false);
}
