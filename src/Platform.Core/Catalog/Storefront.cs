namespace Platform.Core.Catalog;

/// <summary>
/// The storefront as the bot uses it: the merchant's settings with defaults filled in (display name = store name,
/// language en, default button labels). <see cref="ButtonTexts"/> always has every key of <see cref="StorefrontButtons.Defaults"/>.
/// </summary>
public sealed record Storefront(
    string DisplayName,
    string? WelcomeText,
    Guid? WelcomeImageFileId,
    string? AboutText,
    string? TermsText,
    string? SupportText,
    string? SupportContact,
    string DefaultLanguage,
    IReadOnlyDictionary<string, string> ButtonTexts,
    DateTimeOffset? UpdatedAt,
    int SubscriptionReminderDays = StorefrontService.DefaultReminderDays,
    int SubscriptionGraceHours = StorefrontService.DefaultGraceHours);
