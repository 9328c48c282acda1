namespace Platform.Core.Catalog;

/// <summary>Storefront fields to change; null leaves a field as is, an empty string clears an optional text.</summary>
public sealed record StorefrontInput
{
    public string? DisplayName { get; init; }
    public string? WelcomeText { get; init; }

    /// <summary><see cref="Guid.Empty"/> removes the image.</summary>
    public Guid? WelcomeImageFileId { get; init; }

    public string? AboutText { get; init; }
    public string? TermsText { get; init; }
    public string? SupportText { get; init; }
    public string? SupportContact { get; init; }
    public string? DefaultLanguage { get; init; }

    /// <summary>Replaces the button labels given (keys of <see cref="StorefrontButtons.Defaults"/>); an empty text restores the default.</summary>
    public IReadOnlyDictionary<string, string?>? ButtonTexts { get; init; }

    /// <summary>Days before a membership's period end that the bot reminds the member (0: no reminder).</summary>
    public int? SubscriptionReminderDays { get; init; }

    /// <summary>Hours after a period end without renewal before access is taken away.</summary>
    public int? SubscriptionGraceHours { get; init; }
}
