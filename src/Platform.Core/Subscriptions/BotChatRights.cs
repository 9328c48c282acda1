namespace Platform.Core.Subscriptions;

/// <summary>
/// What a store's bot may do in one channel or group, in the merchant's words: the portal shows <see cref="Missing"/>
/// beside the chat, and a plan may only grant a chat whose list is empty (the bot must invite and remove members).
/// </summary>
public sealed record BotChatRights(long TelegramChatId, string? Title, IReadOnlyList<string> Missing)
{
    public const string MakeAdmin = "Make the bot an administrator";
    public const string AllowInvite = "Allow it to invite users via link";
    public const string AllowBan = "Allow it to ban users";

    /// <summary>True when the bot can let members in and take them out.</summary>
    public bool Ready => Missing.Count == 0;

    /// <summary>The missing rights for the bot's rights as Telegram reported them.</summary>
    public static IReadOnlyList<string> MissingFor(bool isAdmin, bool canInvite, bool canRestrict) =>
        !isAdmin ? [MakeAdmin, AllowInvite, AllowBan]
        : [.. new[] { (canInvite, AllowInvite), (canRestrict, AllowBan) }.Where(r => !r.Item1).Select(r => r.Item2)];
}
