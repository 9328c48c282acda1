namespace Platform.Web.Api;

/// <summary>Body of <c>PATCH /api/v1/store</c>: absent fields stay; "" clears an optional text; buttons map key → text.</summary>
public sealed record StorePatchRequest(
    string? DisplayName,
    string? WelcomeText,
    Guid? WelcomeImageFileId,
    string? AboutText,
    string? TermsText,
    string? SupportText,
    string? SupportContact,
    string? DefaultLanguage,
    Dictionary<string, string?>? ButtonTexts);
