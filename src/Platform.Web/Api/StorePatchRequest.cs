namespace Platform.Web.Api;

/// <summary>
/// Body of <c>PATCH /api/v1/store</c>: absent fields stay; "" clears an optional text; buttons map key → text; reminder
/// days (0–14, 0 = none) and grace hours (0–168) are the store's membership settings.
/// </summary>
public sealed record StorePatchRequest(
    string? DisplayName,
    string? WelcomeText,
    Guid? WelcomeImageFileId,
    string? AboutText,
    string? TermsText,
    string? SupportText,
    string? SupportContact,
    string? DefaultLanguage,
    Dictionary<string, string?>? ButtonTexts,
    int? SubscriptionReminderDays = null,
    int? SubscriptionGraceHours = null);
