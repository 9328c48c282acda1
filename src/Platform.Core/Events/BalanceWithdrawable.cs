using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>balance.withdrawable: a bot's withdrawable Stars first reached the withdrawal minimum (again after falling below it).</summary>
[Description("A bot's withdrawable Stars reached Fragment's withdrawal minimum. Sent once per crossing: again only after a withdrawal took the "
    + "withdrawable Stars below the minimum and they reached it once more.")]
public sealed record BalanceWithdrawable(
    [property: Description("The bot whose balance it is.")] Guid BotId,
    [property: Description("The bot's Telegram username, without @.")] string BotUsername,
    [property: Description("Whole Stars withdrawable now.")] long WithdrawableStars,
    [property: Description("Whole Stars still on hold.")] long OnHoldStars,
    [property: Description("The withdrawal minimum in Stars.")] long MinimumStars,
    [property: Description("When the crossing was noticed (ISO 8601, UTC).")] DateTimeOffset At) : IPlatformEvent
{
    public const string TypeName = "balance.withdrawable";

    static string IPlatformEvent.TypeName => TypeName;
}
