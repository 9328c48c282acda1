using Platform.Core.Subscriptions;

namespace Platform.Web.Api;

/// <summary>One membership as <c>GET /api/v1/subscriptions</c> lists it: member, plan, status, source and its dates.</summary>
public sealed record SubscriptionResponse(
    Guid Id, Guid PlanId, string PlanTitle, Guid CustomerId, long TelegramUserId, string? Username, string Status, string Source, int PriceStars,
    DateTimeOffset PeriodEnd, DateTimeOffset AccessEndsAt, DateTimeOffset CreatedAt, DateTimeOffset? CanceledAt, DateTimeOffset? ExpiredAt)
{
    public static SubscriptionResponse From(SubscriberRow s) => new(s.Id, s.PlanId, s.PlanTitle, s.CustomerId, s.TelegramUserId, s.Username,
        ApiNames.Of(s.Status), ApiNames.Of(s.Source), s.PriceStars, s.PeriodEnd, s.AccessEndsAt, s.CreatedAt, s.CanceledAt, s.ExpiredAt);
}
