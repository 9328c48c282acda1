using System.ComponentModel;
using Platform.Core.Subscriptions;

namespace Platform.Web.Api;

/// <summary>A subscription product's grants as the API shows them (the shape <see cref="PlanGrantsRequest"/> accepts, plus chat titles).</summary>
public sealed record PlanGrantsResponse(
    [property: Description("Granted chats: Telegram chat id and title.")] IReadOnlyList<PlanChatResponse> Chats,
    [property: Description("Granted file and text product ids.")] IReadOnlyList<Guid> Products,
    [property: Description("personal_link, join_request or telegram_subscription_link.")] string ChannelAccess)
{
    public static PlanGrantsResponse From(PlanDetails plan) => new(
        plan.Grants.Where(g => g.Kind == PlanGrantKind.Chat && g.TelegramChatId is not null)
            .Select(g => new PlanChatResponse(g.TelegramChatId!.Value, g.ChatTitle)).ToList(),
        plan.Products.ToList(),
        ApiNames.Of(plan.ChannelAccess));
}
