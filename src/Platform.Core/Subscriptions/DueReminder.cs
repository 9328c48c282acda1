namespace Platform.Core.Subscriptions;

/// <summary>A membership whose renewal reminder is due, with what the message needs (read in the sweep's one query).</summary>
public sealed record DueReminder(
    Guid SubscriptionId, Guid BotId, long TelegramUserId, string PlanTitle, DateTimeOffset PeriodEnd, int PriceStars, string? FirstName,
    string? LanguageCode);
