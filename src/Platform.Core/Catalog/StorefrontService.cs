using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Tenancy;

namespace Platform.Core.Catalog;

/// <summary>Changes the current tenant's storefront (portal and API); creates the settings row on first save.</summary>
public sealed class StorefrontService(PlatformDbContext db, ITenantContextAccessor tenant, TimeProvider time)
{
    public const int DisplayNameMaxLength = 100;
    public const int LongTextMaxLength = 4000;
    public const int SupportContactMaxLength = 200;
    public const int DefaultReminderDays = 3;
    public const int MaxReminderDays = 14;
    public const int DefaultGraceHours = 24;
    public const int MaxGraceHours = 168;

    public async Task<Result<Storefront>> UpdateAsync(StorefrontInput input, CancellationToken cancellationToken)
    {
        var storeName = tenant.Tenant?.Name ?? "Store";
        var settings = await db.StoreSettings.FirstOrDefaultAsync(cancellationToken);
        var isNew = settings is null;
        settings ??= new StoreSettings { DisplayName = storeName };

        var errors = new Dictionary<string, string[]>();
        if (input.DisplayName is not null)
        {
            var name = input.DisplayName.Trim();
            if (name.Length is 0 or > DisplayNameMaxLength)
            {
                errors[nameof(input.DisplayName)] = [$"The display name needs 1 to {DisplayNameMaxLength} characters."];
            }

            settings.DisplayName = name;
        }

        settings.WelcomeText = Formatted(input.WelcomeText, settings.WelcomeText, nameof(input.WelcomeText), errors);
        settings.AboutText = Formatted(input.AboutText, settings.AboutText, nameof(input.AboutText), errors);
        settings.TermsText = Formatted(input.TermsText, settings.TermsText, nameof(input.TermsText), errors);
        settings.SupportText = Formatted(input.SupportText, settings.SupportText, nameof(input.SupportText), errors);
        settings.SupportContact = Text(input.SupportContact, settings.SupportContact, nameof(input.SupportContact), SupportContactMaxLength, errors);

        if (input.DefaultLanguage is not null)
        {
            if (!StorefrontLanguages.IsSupported(input.DefaultLanguage))
            {
                errors[nameof(input.DefaultLanguage)] = ["Choose English (en), Persian (fa) or Russian (ru)."];
            }

            settings.DefaultLanguage = input.DefaultLanguage;
        }

        if (input.WelcomeImageFileId is { } imageId)
        {
            if (imageId == Guid.Empty)
            {
                settings.WelcomeImageFileId = null;
            }
            else
            {
                var type = await db.StoredFiles.Where(f => f.Id == imageId).Select(f => f.ContentType).FirstOrDefaultAsync(cancellationToken);
                if (type is null || !ContentSniffer.IsImage(type))
                {
                    errors[nameof(input.WelcomeImageFileId)] = ["The welcome image must be an uploaded PNG, JPEG or GIF image."];
                }

                settings.WelcomeImageFileId = imageId;
            }
        }

        if (input.SubscriptionReminderDays is { } days)
        {
            if (days is < 0 or > MaxReminderDays)
            {
                errors[nameof(input.SubscriptionReminderDays)] = [$"Remind from 0 (never) to {MaxReminderDays} days before a renewal."];
            }

            settings.SubscriptionReminderDays = days;
        }

        if (input.SubscriptionGraceHours is { } hours)
        {
            if (hours is < 0 or > MaxGraceHours)
            {
                errors[nameof(input.SubscriptionGraceHours)] = [$"The grace is 0 to {MaxGraceHours} hours (a week) after a missed renewal."];
            }

            settings.SubscriptionGraceHours = hours;
        }

        if (input.ButtonTexts is not null)
        {
            var buttons = StorefrontReader.ParseButtons(settings.ButtonTexts);
            foreach (var (key, text) in input.ButtonTexts)
            {
                if (!StorefrontButtons.Defaults.ContainsKey(key))
                {
                    errors[nameof(input.ButtonTexts)] = [$"Unknown button \"{key}\"; the buttons are {string.Join(", ", StorefrontButtons.Defaults.Keys)}."];
                }
                else if (string.IsNullOrWhiteSpace(text))
                {
                    buttons.Remove(key);
                }
                else if (text.Trim().Length > StorefrontButtons.TextMaxLength)
                {
                    errors[nameof(input.ButtonTexts)] = [$"Keep button texts under {StorefrontButtons.TextMaxLength} characters."];
                }
                else
                {
                    buttons[key] = text.Trim();
                }
            }

            settings.ButtonTexts = JsonSerializer.Serialize(buttons);
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Failure.Invalid(errors);
        }

        settings.UpdatedAt = time.GetUtcNow();
        if (isNew)
        {
            db.StoreSettings.Add(settings);
        }

        await db.SaveChangesAsync(cancellationToken);
        return StorefrontReader.From(settings, storeName);
    }

    /// <summary>
    /// A text the bot sends formatted (<see cref="RichText"/>): refused with the parser's message, else stored in its
    /// canonical form. The column holds 4,000 characters of source (tags included), which also keeps the visible text
    /// within Telegram's 4,096 per message.
    /// </summary>
    private static string? Formatted(string? input, string? current, string field, Dictionary<string, string[]> errors)
    {
        var text = Text(input, current, field, LongTextMaxLength, errors);
        if (input is null || text is null || errors.ContainsKey(field))
        {
            return text;
        }

        if (!RichText.TryParse(text, out var rich, out var error))
        {
            errors[field] = [error];
            return text;
        }

        var canonical = rich.ToSource();
        if (canonical.Length > LongTextMaxLength)
        {
            errors[field] = [$"Keep this under {LongTextMaxLength} characters, tags included (it has {canonical.Length})."];
        }

        return canonical;
    }

    private static string? Text(string? input, string? current, string field, int max, Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            return current;
        }

        var text = input.Trim();
        if (text.Length > max)
        {
            errors[field] = [$"Keep this under {max} characters (it has {text.Length})."];
        }

        return text.Length == 0 ? null : text;
    }
}
