using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Ledger;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// "Download CSV" on the Balance page: every ledger row matching the page's filters (bot, kind, dates; paging ignored),
/// streamed from the database to the response as it is read, so a long history never sits in memory. Members may
/// download it, like the page. Filters that do not parse are ignored, as on the page.
/// </summary>
public sealed class BalanceCsvModel(LedgerReader ledger, PlatformDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Bot { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var bots = await db.Bots.AsNoTracking().Select(b => new { b.Id, b.Username }).ToDictionaryAsync(b => b.Id, b => b.Username, cancellationToken);
        var filter = new LedgerFilter
        {
            BotId = Bot is { } botId && bots.ContainsKey(botId) ? botId : null,
            Kind = Enum.TryParse<StarLedgerKind>(Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null,
            From = From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To = To is { } t && t < DateOnly.MaxValue ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        };
        var name = $"ledger-{time.GetUtcNow().UtcDateTime:yyyy-MM-dd}.csv";
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        Response.Headers.CacheControl = "no-store";
        await LedgerCsv.WriteAsync(Response.Body, ledger.StreamAsync(filter, cancellationToken),
            id => bots.TryGetValue(id, out var username) ? username : id.ToString(), cancellationToken);
        return new EmptyResult();
    }
}
