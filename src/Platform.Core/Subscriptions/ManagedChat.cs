using Platform.Core.Tenancy;

namespace Platform.Core.Subscriptions;

/// <summary>
/// A channel or group one of the store's bots was added to, as the bot last saw it (from my_chat_member updates and
/// rights checks): the portal offers these to plans and says which rights are missing.
/// </summary>
public sealed class ManagedChat : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BotId { get; set; }
    public long TelegramChatId { get; set; }
    public required string Title { get; set; }

    /// <summary>channel, supergroup or group.</summary>
    public required string ChatType { get; set; }

    public bool BotIsAdmin { get; set; }
    public bool CanInviteUsers { get; set; }
    public bool CanRestrictMembers { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
