using Microsoft.AspNetCore.Identity;
using Platform.Core.Tenancy;

namespace Platform.Core.Identity;

/// <summary>A person who signs in to the portal. One user may belong to several stores through memberships.</summary>
[GlobalEntity("Accounts exist before and across stores; store access is granted by tenant-owned memberships.")]
public sealed class PlatformUser : IdentityUser<Guid>
{
    public DateTimeOffset CreatedAt { get; set; }
}
