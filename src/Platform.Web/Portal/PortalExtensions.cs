using Platform.Web.RateLimiting;

namespace Platform.Web.Portal;

public static class PortalExtensions
{
    /// <summary>Portal services beyond the pages themselves.</summary>
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddScoped<PortalSignIn>();
        return services;
    }

    /// <summary>The JSON sign-up; it lives outside /api/v1, which accepts only OAuth access tokens.</summary>
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/signup", SignupEndpoint.HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .DisableAntiforgery()
            .AddEndpointFilter<Text.ForbiddenTextEndpointFilter>()
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .Produces<SignupResponse>(StatusCodes.Status201Created);
        return endpoints;
    }
}
