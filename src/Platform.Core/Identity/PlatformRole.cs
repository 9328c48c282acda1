using Microsoft.AspNetCore.Identity;
using Platform.Core.Tenancy;

namespace Platform.Core.Identity;

/// <summary>Platform-wide roles only (platform admin). Store roles live on memberships.</summary>
[GlobalEntity("Platform-wide roles such as PlatformAdmin are not tied to a store.")]
public sealed class PlatformRole : IdentityRole<Guid>
{
    public const string PlatformAdmin = "PlatformAdmin";
}
