using Platform.Core.Tenancy;

namespace Platform.Core.Subscriptions;

/// <summary>
/// One thing a plan grants while a membership is active: a private channel or group (by Telegram chat id, the bot an
/// admin there) or a file/text product whose downloads are refused once access ends.
/// </summary>
public sealed class PlanGrant : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid PlanId { get; set; }
    public PlanGrantKind Kind { get; set; }

    /// <summary>For <see cref="PlanGrantKind.Chat"/>: Telegram's chat id (-100… for channels and supergroups).</summary>
    public long? TelegramChatId { get; set; }

    /// <summary>For <see cref="PlanGrantKind.Chat"/>: the chat's title when chosen (shown to members and in the portal).</summary>
    public string? ChatTitle { get; set; }

    /// <summary>
    /// For <see cref="PlanGrantKind.Chat"/> in the join-request and Telegram-subscription modes: the one shared link
    /// (safe to share, it admits nobody the bot does not approve or Telegram does not charge).
    /// </summary>
    public string? SharedInviteLink { get; set; }

    /// <summary>For <see cref="PlanGrantKind.Product"/>: the file or text product members may take.</summary>
    public Guid? ProductId { get; set; }
}
