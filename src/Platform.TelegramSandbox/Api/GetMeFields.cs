namespace Platform.TelegramSandbox.Api;

/// <summary>
/// The User fields the Bot API spec marks "Returned only in getMe", with the sandbox bot's value for each: getMe
/// always carries them all (false ones included, as Telegram does), and no other User object — a message's sender, a
/// chat member — carries any of them. A conformance test keeps this list equal to the spec's.
/// </summary>
internal static class GetMeFields
{
    public static readonly IReadOnlyList<(string Name, bool Value)> All =
    [
        ("can_join_groups", true),
        ("can_read_all_group_messages", false),
        ("supports_guest_queries", false),
        ("supports_inline_queries", false),
        ("can_connect_to_business", false),
        ("has_main_web_app", false),
        ("has_topics_enabled", false),
        ("allows_users_to_create_topics", false),
        ("can_manage_bots", false),
        ("supports_join_request_queries", false),
    ];
}
