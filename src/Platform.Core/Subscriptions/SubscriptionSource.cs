namespace Platform.Core.Subscriptions;

/// <summary>How a membership is paid for.</summary>
public enum SubscriptionSource
{
    /// <summary>A Stars subscription through the bot's invoice link (createInvoiceLink with subscription_period).</summary>
    Stars = 0,

    /// <summary>Granted by the merchant without payment, until a date the merchant picked.</summary>
    Complimentary = 1,

    /// <summary>Telegram's own channel subscription link (createChatSubscriptionInviteLink): the channel is paid, we track members.</summary>
    ChannelLink = 2,
}
