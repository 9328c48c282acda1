using System.ComponentModel;

namespace Platform.Web.Api;

/// <summary>
/// What a subscription product grants, in a product body's <c>grants</c>. Absent (null) parts stay as they are on
/// PATCH; an empty list grants nothing of that kind. Only products of kind <c>subscription</c> accept it.
/// </summary>
public sealed record PlanGrantsRequest(
    [property: Description("Telegram chat ids (e.g. -1001234567890) of the store's channels and groups where the bot is an administrator " +
        "allowed to invite users via link and to ban users. The whole set: chats left out stop being granted.")]
    IReadOnlyList<long>? Chats,
    [property: Description("Ids of this store's file and text products that members may take while their access lasts. The whole set.")]
    IReadOnlyList<Guid>? Products,
    [property: Description("How members enter the chats: personal_link (a one-use link per member, the default), join_request " +
        "(one link; the bot approves only members) or telegram_subscription_link (Telegram's own channel subscription link; channels only).")]
    string? ChannelAccess);
