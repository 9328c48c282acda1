using Platform.Core.Tenancy;

namespace Platform.Core.Catalog;

/// <summary>
/// The storefront as the bot shows it. One row per tenant (primary key = TenantId); read on each update,
/// so changes take effect without a restart.
/// </summary>
public sealed class StoreSettings : ITenantOwned
{
    public Guid TenantId { get; set; }
    public required string DisplayName { get; set; }
    public string? WelcomeText { get; set; }
    public Guid? WelcomeImageFileId { get; set; }
    public string? AboutText { get; set; }

    /// <summary>Answered on /terms (Telegram requires payment bots to have terms).</summary>
    public string? TermsText { get; set; }

    /// <summary>Answered on /paysupport.</summary>
    public string? SupportText { get; set; }

    public string? SupportContact { get; set; }

    /// <summary>en, fa or ru: used when a customer's language_code is not one of ours.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Merchant's own texts for the main buttons (JSON object: key → text), e.g. {"catalog":"Shop"}.</summary>
    public string ButtonTexts { get; set; } = "{}";

    /// <summary>Days before a membership's period end that the bot reminds the member (0: no reminder).</summary>
    public int SubscriptionReminderDays { get; set; } = 3;

    /// <summary>Hours after a period end without renewal before access is taken away.</summary>
    public int SubscriptionGraceHours { get; set; } = 24;

    public DateTimeOffset UpdatedAt { get; set; }
}
