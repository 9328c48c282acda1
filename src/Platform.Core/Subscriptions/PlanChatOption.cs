namespace Platform.Core.Subscriptions;

/// <summary>
/// A chat the product form offers to a plan, with what the bot still lacks there in the merchant's words: a plan can
/// only grant chats where the bot can invite and remove members, so the form says what to fix instead of failing later.
/// </summary>
public sealed record PlanChatOption(long TelegramChatId, string Title, string ChatType, IReadOnlyList<string> Missing)
{
    public const string MakeAdmin = "Make the bot an administrator";
    public const string AllowInvite = "Allow it to invite users via link";
    public const string AllowBan = "Allow it to ban users";

    public bool Ready => Missing.Count == 0;

    /// <summary>The best of the store's bots in that chat (fewest rights missing) decides.</summary>
    public static PlanChatOption From(IEnumerable<ManagedChat> rows)
    {
        var best = rows.Select(r => (Row: r, Missing: MissingOf(r))).OrderBy(x => x.Missing.Count).First();
        return new PlanChatOption(best.Row.TelegramChatId, best.Row.Title, best.Row.ChatType, best.Missing);
    }

    private static List<string> MissingOf(ManagedChat chat)
    {
        if (!chat.BotIsAdmin)
        {
            return [MakeAdmin];
        }

        var missing = new List<string>();
        if (!chat.CanInviteUsers)
        {
            missing.Add(AllowInvite);
        }

        if (!chat.CanRestrictMembers)
        {
            missing.Add(AllowBan);
        }

        return missing;
    }
}
