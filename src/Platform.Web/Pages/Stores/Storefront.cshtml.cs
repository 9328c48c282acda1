using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Catalog;
using Platform.Core.Files;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// The storefront as the bot shows it: texts, welcome image, language, button labels, and the categories. The bot reads
/// these on every update, so saving here changes the bot at once.
/// </summary>
[RequestSizeLimit(MaxImageBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxImageBytes + 1024 * 1024)]
public sealed class StorefrontModel(StorefrontReader reader, StorefrontService service, CategoryService categories, FileUploadService files,
    CatalogReader catalog, IFileStorage storage) : PageModel
{
    /// <summary>Telegram's photo limit is 10 MB.</summary>
    public const long MaxImageBytes = 10 * 1024 * 1024;

    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? WelcomeText { get; set; }
    [BindProperty] public Guid? WelcomeImageFileId { get; set; }
    [BindProperty] public string? AboutText { get; set; }
    [BindProperty] public string? TermsText { get; set; }
    [BindProperty] public string? SupportText { get; set; }
    [BindProperty] public string? SupportContact { get; set; }
    [BindProperty] public string DefaultLanguage { get; set; } = "en";
    [BindProperty] public Dictionary<string, string?> ButtonTexts { get; set; } = [];
    [BindProperty] public int? SubscriptionReminderDays { get; set; }
    [BindProperty] public int? SubscriptionGraceHours { get; set; }

    [TempData] public string? Notice { get; set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<StoredFile> Images { get; private set; } = [];

    /// <summary>The saved storefront as the bot shows it (welcome screen and a product card).</summary>
    public StorefrontPreview? Preview { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var storefront = await reader.GetAsync(cancellationToken);
        (DisplayName, WelcomeText, WelcomeImageFileId, AboutText) = (storefront.DisplayName, storefront.WelcomeText, storefront.WelcomeImageFileId,
            storefront.AboutText);
        (TermsText, SupportText, SupportContact, DefaultLanguage) = (storefront.TermsText, storefront.SupportText, storefront.SupportContact,
            storefront.DefaultLanguage);
        ButtonTexts = storefront.ButtonTexts.ToDictionary(b => b.Key, b => (string?)b.Value);
        (SubscriptionReminderDays, SubscriptionGraceHours) = (storefront.SubscriptionReminderDays, storefront.SubscriptionGraceHours);
        await LoadListsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? welcomeImage, CancellationToken cancellationToken)
    {
        if (welcomeImage is { Length: > 0 })
        {
            await using var stream = welcomeImage.OpenReadStream();
            var file = await files.SaveAsync(stream, welcomeImage.FileName, cancellationToken);
            if (!ContentSniffer.IsImage(file.ContentType) || file.Length > MaxImageBytes)
            {
                await files.DeleteAsync(file.Id, cancellationToken);
                ModelState.AddModelError(nameof(WelcomeImageFileId), "The welcome image must be a PNG, JPEG or GIF of at most 10 MB.");
                await LoadListsAsync(cancellationToken);
                return Page();
            }

            WelcomeImageFileId = file.Id;
        }

        // Unchanged default labels are not stored, so a later change of our defaults reaches this store too.
        var buttons = ButtonTexts.ToDictionary(b => b.Key, b => StorefrontButtons.Defaults.TryGetValue(b.Key, out var d) && d == b.Value?.Trim() ? ""
            : b.Value);
        var result = await service.UpdateAsync(new StorefrontInput
        {
            DisplayName = DisplayName ?? "",
            WelcomeText = WelcomeText ?? "",
            WelcomeImageFileId = WelcomeImageFileId ?? Guid.Empty,
            AboutText = AboutText ?? "",
            TermsText = TermsText ?? "",
            SupportText = SupportText ?? "",
            SupportContact = SupportContact ?? "",
            DefaultLanguage = DefaultLanguage,
            ButtonTexts = buttons,
            SubscriptionReminderDays = ModelState.GetFieldValidationState(nameof(SubscriptionReminderDays)) == ModelValidationState.Invalid ? -1
                : SubscriptionReminderDays,
            SubscriptionGraceHours = ModelState.GetFieldValidationState(nameof(SubscriptionGraceHours)) == ModelValidationState.Invalid ? -1
                : SubscriptionGraceHours,
        }, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
            {
                ModelState.Remove(field);
                ModelState.AddModelError(field, string.Join(" ", messages));
            }

            await LoadListsAsync(cancellationToken);
            return Page();
        }

        Notice = "Saved. The bot uses the new storefront from its next message.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddCategoryAsync(string? name, CancellationToken cancellationToken) =>
        await CategoryResultAsync((await categories.CreateAsync(name, cancellationToken)).Failure?.Message, "Category added.", cancellationToken);

    public async Task<IActionResult> OnPostRenameCategoryAsync(Guid id, string? name, CancellationToken cancellationToken) =>
        await CategoryResultAsync((await categories.RenameAsync(id, name, cancellationToken)).Failure?.Message, "Category renamed.", cancellationToken);

    public async Task<IActionResult> OnPostMoveCategoryAsync(Guid id, int direction, CancellationToken cancellationToken)
    {
        await categories.MoveAsync(id, direction, cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteCategoryAsync(Guid id, CancellationToken cancellationToken)
    {
        await categories.DeleteAsync(id, cancellationToken);
        Notice = "Category deleted; its products are now uncategorised.";
        return RedirectToPage();
    }

    private async Task<IActionResult> CategoryResultAsync(string? error, string success, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            Notice = success;
            return RedirectToPage();
        }

        await OnGetAsync(cancellationToken);
        ModelState.AddModelError("category", error);
        return Page();
    }

    /// <summary>What each relabelled button is, for its form label.</summary>
    public static string ButtonPurpose(string key) => key switch
    {
        "catalog" => "Catalog button (welcome screen)",
        "orders" => "My orders button (welcome screen)",
        "about" => "About button (welcome screen)",
        "support" => "Support button (welcome screen)",
        "terms" => "Terms button (welcome screen)",
        "buy" => "Buy button on a product card (the price is added: “Buy · 50 ⭐”)",
        "back" => "Back button (catalog pages)",
        "more" => "Next page button (catalog pages)",
        _ => key,
    };

    /// <summary>An image of this store for the preview (the file lookup is tenant-filtered; anything not an image is 404).</summary>
    public async Task<IActionResult> OnGetImageAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await files.FindAsync(id, cancellationToken) is not { } file || !ContentSniffer.IsImage(file.ContentType))
        {
            return NotFound();
        }

        return File(await storage.OpenReadAsync(file.StorageKey, cancellationToken), file.ContentType);
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        Categories = await categories.ListAsync(cancellationToken);
        Images = (await files.ListAsync(cancellationToken)).Where(f => ContentSniffer.IsImage(f.ContentType)).ToList();
        var first = (await catalog.ListPublishedAsync(null, 0, 1, cancellationToken)).Items is [var product, ..] ? product : null;
        var plans = (await catalog.ListPublishedAsync(null, 0, CatalogReader.MaxPageSize, cancellationToken)).Items
            .Any(p => p.Kind == ProductKind.Subscription);
        Preview = StorefrontPreview.Create(await reader.GetAsync(cancellationToken), first, plans);
    }
}
