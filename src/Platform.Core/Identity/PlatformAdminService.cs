using Microsoft.AspNetCore.Identity;

namespace Platform.Core.Identity;

/// <summary>Creates platform admins (a global role, separate from store memberships). Idempotent.</summary>
public sealed class PlatformAdminService(UserManager<PlatformUser> users, RoleManager<PlatformRole> roles, TimeProvider clock)
{
    public async Task<PlatformUser> EnsureAdminAsync(string email, string password, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!await roles.RoleExistsAsync(PlatformRole.PlatformAdmin))
        {
            Check(await roles.CreateAsync(new PlatformRole { Id = Guid.CreateVersion7(), Name = PlatformRole.PlatformAdmin }));
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PlatformUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
            Check(await users.CreateAsync(user, password));
        }

        if (!await users.IsInRoleAsync(user, PlatformRole.PlatformAdmin))
        {
            Check(await users.AddToRoleAsync(user, PlatformRole.PlatformAdmin));
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
