using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Core.Catalog;

/// <summary>
/// Reads the current tenant's storefront with defaults when the row is missing. Not cached on purpose: the bot reads
/// it per update (one primary-key lookup), so a change on the portal or API shows in the bot at once.
/// </summary>
public sealed class StorefrontReader(PlatformDbContext db, ITenantContextAccessor tenant)
{
    public async Task<Storefront> GetAsync(CancellationToken cancellationToken)
    {
        var settings = await db.StoreSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return From(settings, tenant.Tenant?.Name ?? "Store");
    }

    public static Storefront From(StoreSettings? settings, string storeName)
    {
        var buttons = new Dictionary<string, string>(StorefrontButtons.Defaults);
        foreach (var (key, text) in ParseButtons(settings?.ButtonTexts))
        {
            if (buttons.ContainsKey(key) && !string.IsNullOrWhiteSpace(text))
            {
                buttons[key] = text;
            }
        }

        return new Storefront(
            string.IsNullOrWhiteSpace(settings?.DisplayName) ? storeName : settings.DisplayName,
            settings?.WelcomeText,
            settings?.WelcomeImageFileId,
            settings?.AboutText,
            settings?.TermsText,
            settings?.SupportText,
            settings?.SupportContact,
            StorefrontLanguages.IsSupported(settings?.DefaultLanguage) ? settings!.DefaultLanguage : "en",
            buttons,
            settings?.UpdatedAt,
            settings?.SubscriptionReminderDays ?? StorefrontService.DefaultReminderDays,
            settings?.SubscriptionGraceHours ?? StorefrontService.DefaultGraceHours);
    }

    /// <summary>The merchant's overrides only (unknown keys and non-string values are ignored, never an error).</summary>
    public static Dictionary<string, string> ParseButtons(string? json)
    {
        var result = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        result[property.Name] = property.Value.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A hand-edited row must not break the bot: fall back to defaults.
        }

        return result;
    }
}
