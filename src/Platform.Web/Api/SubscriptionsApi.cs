using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Subscriptions;

namespace Platform.Web.Api;

/// <summary><c>/api/v1/subscriptions</c>: the store's memberships, filtered by status and searched by member, paged.</summary>
public static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this IEndpointRouteBuilder api)
    {
        var subscriptions = api.MapGroup("/subscriptions").WithTags("Subscriptions");
        subscriptions.MapGet("", ListSubscriptionsAsync).WithName("ListSubscriptions").WithSummary("List subscribers").ProducesValidationProblem();
        return subscriptions;
    }

    private static async Task<Results<Ok<SubscriptionPageResponse>, ProblemHttpResult>> ListSubscriptionsAsync(
        string? status, string? search, int? page, int? pageSize, SubscriberReader reader, CancellationToken cancellationToken)
    {
        SubscriptionStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!ApiNames.TryParse<SubscriptionStatus>(status, out var value))
            {
                return ApiProblems.Invalid("status", $"Use one of: {ApiNames.Allowed<SubscriptionStatus>()}.");
            }

            parsed = value;
        }

        if (page < 0 || pageSize is < 1 or > SubscriberFilter.MaxPageSize)
        {
            return ApiProblems.Invalid("page", $"page starts at 0; pageSize is 1 to {SubscriberFilter.MaxPageSize}.");
        }

        var result = await reader.ListAsync(new SubscriberFilter(parsed, search, page ?? 0, pageSize ?? 25), cancellationToken);
        return TypedResults.Ok(new SubscriptionPageResponse(result.Items.Select(SubscriptionResponse.From), result.Page, result.PageSize, result.TotalCount));
    }
}
