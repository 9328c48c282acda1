using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Catalog;
using Platform.Core.Files;
using Platform.Core.Subscriptions;

namespace Platform.Web.Pages.Stores.Products;

/// <summary>
/// New product (<c>/products/new</c>) or edit one (<c>/products/{id}</c>), plus the key pool of key products (paste or
/// upload .txt/.csv) and archiving; a subscription plan also chooses its chats (with what the bot lacks in each), its
/// products and how members enter. Errors show next to their fields and nothing is saved.
/// </summary>
public sealed class EditModel(ProductService products, PlanService plans, CategoryService categories, FileUploadService files, LicenseKeyPool keys)
    : PageModel
{
    public const int MaxKeysFileBytes = 5 * 1024 * 1024;

    [BindProperty] public ProductKind? Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public int? PriceStars { get; set; }
    [BindProperty] public ProductState State { get; set; } = ProductState.Draft;
    [BindProperty] public Guid? CategoryId { get; set; }
    [BindProperty] public Guid? PhotoFileId { get; set; }
    [BindProperty] public Guid? FileId { get; set; }
    [BindProperty] public string? TextContent { get; set; }
    [BindProperty] public int DownloadLimit { get; set; } = 5;
    [BindProperty] public ChannelAccessMode ChannelAccess { get; set; }
    [BindProperty] public List<long> GrantChats { get; set; } = [];
    [BindProperty] public List<Guid> GrantProducts { get; set; } = [];

    [TempData] public string? Notice { get; set; }

    public ProductListItem? Existing { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<StoredFile> Files { get; private set; } = [];
    public IReadOnlyList<PlanChatOption> Chats { get; private set; } = [];
    public IReadOnlyList<ProductListItem> GrantableProducts { get; private set; } = [];
    public bool IsPlan => (Existing?.Product.Kind ?? Kind) == ProductKind.Subscription;
    public bool IsNew => Existing is null;

    /// <summary>
    /// Whether the form renders the fieldset of <paramref name="kind"/>: a new product shows all four (the script
    /// hides the others; without JavaScript they stay, under their headings), an existing one only its own.
    /// </summary>
    public bool Shows(ProductKind kind) => IsNew || Existing!.Product.Kind == kind;

    /// <summary>The chosen delivery file of a file product looks like a picture: the form warns (buyers get a download).</summary>
    public bool ChosenFileLooksLikeImage =>
        (Existing?.Product.Kind ?? Kind) == ProductKind.File && FileId is { } fileId &&
        Files.FirstOrDefault(f => f.Id == fileId) is { } file && ImageLikeFile.Check(file.ContentType, file.FileName);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { Product: var p })
        {
            (Kind, Title, Description, PriceStars, State) = (p.Kind, p.Title, p.Description, p.PriceStars, p.State);
            (CategoryId, PhotoFileId, FileId, TextContent, DownloadLimit) = (p.CategoryId, p.PhotoFileId, p.FileId, p.TextContent, p.DownloadLimit);
            if (p.Kind == ProductKind.Subscription)
            {
                var plan = await plans.GetAsync(p.Id, cancellationToken);
                (ChannelAccess, GrantChats, GrantProducts) = (plan.ChannelAccess, plan.Chats.ToList(), plan.Products.ToList());
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.GetFieldValidationState(nameof(PriceStars)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.Remove(nameof(PriceStars));
            ModelState.AddModelError(nameof(PriceStars),
                $"The price is a whole number of Stars from {ProductRules.MinPriceStars} to {ProductRules.MaxPriceStars:N0}.");
            return Page();
        }

        // Fields of the other kinds are ignored: without JavaScript the merchant sees (and may fill) every fieldset.
        var kind = Existing?.Product.Kind ?? Kind;
        var input = new ProductInput
        {
            Kind = Kind,
            Title = Title ?? "",
            Description = Description ?? "",
            PriceStars = PriceStars ?? 0,
            State = State,
            CategoryId = CategoryId ?? Guid.Empty,
            PhotoFileId = PhotoFileId ?? Guid.Empty,
            FileId = kind is null or ProductKind.File ? FileId ?? Guid.Empty : null,
            TextContent = kind is null or ProductKind.Text ? TextContent ?? "" : null,
            DownloadLimit = kind is null or ProductKind.File ? DownloadLimit : null,
        };
        var plan = IsPlan ? new PlanInput { ChannelAccess = ChannelAccess, GrantChats = GrantChats, GrantProducts = GrantProducts } : null;
        var result = Existing is null
            ? await plans.CreateAsync(input, plan, cancellationToken)
            : await plans.UpdateAsync(Existing.Product.Id, input with { Kind = null }, plan, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }

            return Page();
        }

        Notice = Existing is null ? $"“{result.Value!.Title}” was created." : "Saved. The bot shows the change at once.";
        return Redirect($"/stores/{RouteData.Values["tenant"]}/products/{result.Value!.Id}");
    }

    public async Task<IActionResult> OnPostKeysAsync(string id, string? keysText, IFormFile? keysFile, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Existing is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var values = new List<string>();
        if (!string.IsNullOrWhiteSpace(keysText))
        {
            values.AddRange(LicenseKeyText.Parse(keysText));
        }

        if (keysFile is { Length: > 0 })
        {
            var extension = Path.GetExtension(keysFile.FileName).ToLowerInvariant();
            if (extension is not (".txt" or ".csv") || keysFile.Length > MaxKeysFileBytes)
            {
                ModelState.AddModelError("keysFile", "Upload a .txt file (one key per line) or a .csv file (key in the first column), at most 5 MB.");
                await FillFormAsync();
                return Page();
            }

            using var reader = new StreamReader(keysFile.OpenReadStream(), Encoding.UTF8);
            values.AddRange(LicenseKeyText.Parse(await reader.ReadToEndAsync(cancellationToken), csv: extension == ".csv"));
        }

        if (values.Count == 0)
        {
            ModelState.AddModelError("keysText", "Paste keys (one per line) or choose a .txt or .csv file.");
            await FillFormAsync();
            return Page();
        }

        var result = await keys.AddAsync(Existing.Product.Id, values, cancellationToken);
        Notice = result.Summary + ".";
        return Redirect($"/stores/{RouteData.Values["tenant"]}/products/{Existing.Product.Id}");

        Task FillFormAsync() => OnGetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Existing is null)
        {
            return NotFound();
        }

        var result = await ProductPublishing.PublishAsync(products, plans, Existing.Product, cancellationToken);
        if (result.Succeeded)
        {
            Notice = "Published: the bot shows it now.";
            return Redirect($"/stores/{RouteData.Values["tenant"]}/products/{Existing.Product.Id}");
        }

        await OnGetAsync(id, cancellationToken);
        ModelState.AddModelError("Publish", ProductPublishing.Explain(result, Existing.Product.Title));
        foreach (var (field, messages) in result.Errors)
        {
            ModelState.AddModelError(field, string.Join(" ", messages));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUnpublishAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Existing is null)
        {
            return NotFound();
        }

        var result = await ProductPublishing.UnpublishAsync(plans, Existing.Product, cancellationToken);
        Notice = result.Succeeded ? "Back to draft: the bot no longer shows it." : "Not changed: " + string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return Redirect($"/stores/{RouteData.Values["tenant"]}/products/{Existing.Product.Id}");
    }

    public async Task<IActionResult> OnPostArchiveAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Existing is null)
        {
            return NotFound();
        }

        await products.ArchiveAsync(Existing.Product.Id, cancellationToken);
        Notice = "Archived: it left the bot's catalog; past buyers keep their downloads, keys and texts.";
        return Redirect($"/stores/{RouteData.Values["tenant"]}/products");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Categories = await categories.ListAsync(cancellationToken);
        Files = await files.ListAsync(cancellationToken);
        Chats = await plans.ChatOptionsAsync(cancellationToken);
        GrantableProducts = (await products.ListAsync(null, cancellationToken))
            .Where(p => p.Product.Kind is ProductKind.File or ProductKind.Text).ToList();
        if (id == "new")
        {
            return true;
        }

        Existing = Guid.TryParse(id, out var productId) ? await products.GetAsync(productId, cancellationToken) : null;
        return Existing is not null;
    }
}
