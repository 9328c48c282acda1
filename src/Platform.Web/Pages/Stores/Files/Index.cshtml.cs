using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Files;

namespace Platform.Web.Pages.Stores.Files;

/// <summary>
/// The store's files. The upload form posts to the streamed endpoint <c>/stores/{tenant}/files/upload</c> (not to
/// this page, whose handlers would buffer the form), which redirects back here with the result.
/// </summary>
public sealed class IndexModel(FileUploadService files) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Uploaded { get; set; }
    [BindProperty(SupportsGet = true)] public string? Error { get; set; }

    [TempData] public string? Notice { get; set; }

    public IReadOnlyList<StoredFile> Files { get; private set; } = [];

    public long MaxUploadBytes => files.MaxUploadBytes;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Files = await files.ListAsync(cancellationToken);
        if (Error is not null)
        {
            ModelState.AddModelError("file", Error);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var error = await files.DeleteAsync(id, cancellationToken);
        Notice = error ?? "File deleted.";
        return RedirectToPage();
    }
}
