using Platform.Core.Tenancy;

namespace Platform.Core.Ledger;

/// <summary>
/// The store owner's own Telegram account, linked so a bot can tell them about their money. The portal makes a one-time
/// code (only its hash is kept, valid 15 minutes); the owner sends <c>/start own_{code}</c> to one of the store's bots,
/// which records who they are and answers. One row per store; a new code or link replaces the old.
/// </summary>
public sealed class OwnerTelegramLink : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>SHA-256 of the pending code (hex); null once used.</summary>
    public string? PendingCodeHash { get; set; }

    public DateTimeOffset? PendingCodeExpiresAt { get; set; }

    /// <summary>The portal user who asked for the code.</summary>
    public Guid? RequestedByUserId { get; set; }

    /// <summary>The bot the owner wrote to: it sends them the messages.</summary>
    public Guid? BotId { get; set; }

    public long? TelegramUserId { get; set; }

    /// <summary>How the owner is called in Telegram (first name, @username), shown in the portal.</summary>
    public string? TelegramName { get; set; }

    public DateTimeOffset? LinkedAt { get; set; }
}
