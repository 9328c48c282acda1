using Platform.Core.Ledger;
using Platform.Core.Outbound;

namespace Platform.Core.Conversation;

/// <summary>
/// The bot's side of linking the store owner's Telegram account: <c>/start own_{code}</c> redeems the portal's
/// one-time code (<see cref="OwnerLinks"/>) and answers in the sender's language. Whatever the payload — a used or
/// expired code, garbage, a thousand characters — the answer is one friendly line and nothing else changes.
/// </summary>
public sealed class OwnerLinkReply(OwnerLinks links)
{
    public static bool Matches(string startArgument) => startArgument.StartsWith(OwnerLinks.StartPrefix, StringComparison.Ordinal);

    public async Task ReplyAsync(BotChat chat, string startArgument, CancellationToken cancellationToken)
    {
        var code = startArgument[OwnerLinks.StartPrefix.Length..];
        var from = chat.From;
        var linked = from is not null && await links.RedeemAsync(code, chat.Bot.Id, from.Id, NameOf(from), cancellationToken);
        await chat.SendTextAsync(linked ? chat.Texts.OwnerLinked(chat.Storefront.DisplayName) : chat.Texts.OwnerLinkInvalid, null, cancellationToken);
    }

    private static string NameOf(Telegram.Bot.Types.User user)
    {
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return user.Username is { Length: > 0 } username ? $"{name} (@{username})".Trim() : name;
    }
}
