using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Accounts;

/// <summary>People and their stores: signing up, the team, invitations.</summary>
public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<StoreSignupService>();
        services.AddScoped<TeamService>();
        services.AddSingleton<InvitationService>();
        return services;
    }
}
