using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Platform.Core.Ledger;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// The merchant's money per bot: earned, on hold, withdrawable now and when the rest frees up (cards), a chart of daily
/// earnings and one of upcoming releases, the ledger with filters and pages, the CSV export, open reconciliation
/// mismatches, and how to withdraw in Telegram (the Bot API cannot). Members may read it. Query values that do not parse
/// or name another store's bot are ignored, never an error page.
/// </summary>
public sealed class BalanceModel(
    BalanceReader balances, LedgerReader ledger, LedgerMismatchReader mismatches, IOptions<LedgerOptions> options, TimeProvider time)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Bot { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; }

    public IReadOnlyList<BotBalance> Bots { get; private set; } = [];
    public LedgerPage Ledger { get; private set; } = new([], 0, LedgerFilter.DefaultPageSize, 0);
    public BalanceChart Earnings { get; private set; } = new([]);
    public BalanceChart Releases { get; private set; } = new([]);
    public IReadOnlyList<LedgerMismatchView> Mismatches { get; private set; } = [];
    public long Minimum => options.Value.MinimumWithdrawalStars;
    /// <summary>The row count the page shows exactly; beyond it, "10,000+ rows" (counting a big store's every row cost more than the page).</summary>
    public const int CountUpTo = 10_000;

    public int HoldDays => (int)Math.Ceiling(options.Value.Hold.TotalDays);
    public IEnumerable<BotBalance> Shown => Bots.Where(b => Bot is null || b.BotId == Bot);
    public StarLedgerKind? KindFilter => Enum.TryParse<StarLedgerKind>(Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Bots = await balances.ForStoreAsync(cancellationToken, now);
        if (Bot is { } botId && Bots.All(b => b.BotId != botId))
        {
            Bot = null;
        }

        Earnings = new BalanceChart([.. (await ledger.DailyEarningsAsync(Bot, cancellationToken))
            .Select(d => (d.Day, ToStars(d.Income), ToStars(d.Refunds)))]);
        Releases = new BalanceChart(ReleaseDays(DateOnly.FromDateTime(now.UtcDateTime)));
        Mismatches = await mismatches.OpenForStoreAsync(cancellationToken, limit: 50);
        if (Filter() is { } filter)
        {
            // Counted far enough to know whether this page has a next one, and whether there are more than CountUpTo rows.
            var enough = (int)Math.Min(int.MaxValue - 1, Math.Max(CountUpTo + 1L, (filter.Page + 2L) * LedgerFilter.MaxPageSize));
            Ledger = await ledger.ListAsync(filter, cancellationToken, countUpTo: enough);
        }
    }

    /// <summary>The ledger filter the query asks for, or null (with a field error) when the dates are the wrong way round.</summary>
    public LedgerFilter? Filter()
    {
        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date is before the start date.");
            return null;
        }

        // Dates are whole UTC days: "to" includes its day.
        return new LedgerFilter
        {
            BotId = Bot,
            Kind = KindFilter,
            From = From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To = To is { } t && t < DateOnly.MaxValue ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Page = Math.Max(PageNumber, 0),
        };
    }

    public string BotName(Guid botId) => Bots.FirstOrDefault(b => b.BotId == botId)?.BotUsername is { } name ? "@" + name : botId.ToString();

    /// <summary><paramref name="path"/> with the current filters (and <paramref name="page"/>) in its query.</summary>
    public string Link(string path, int? page = null) =>
        path + QueryString.Create(new Dictionary<string, string?>
        {
            ["Bot"] = Bot?.ToString(),
            ["Kind"] = KindFilter?.ToString(),
            ["From"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["To"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["page"] = page > 0 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    public static string Stars(LedgerAmount amount) => BalanceChart.Stars(ToStars(amount));

    public static decimal ToStars(LedgerAmount amount) => amount.TotalNanostars / (decimal)LedgerAmount.NanostarsPerStar;

    public static string KindLabel(StarLedgerKind kind) => kind switch
    {
        StarLedgerKind.Payment => "Sale",
        StarLedgerKind.Renewal => "Renewal",
        StarLedgerKind.Refund => "Refund",
        StarLedgerKind.Withdrawal => "Withdrawal (Fragment)",
        StarLedgerKind.WithdrawalReturned => "Withdrawal returned",
        StarLedgerKind.OtherIncome => "Other income",
        StarLedgerKind.OtherSpending => "Other spending",
        _ => "Adjustment",
    };

    public static string MismatchText(LedgerMismatchKind kind) => kind switch
    {
        LedgerMismatchKind.MissingAtTelegram => "Recorded here, not listed by Telegram",
        LedgerMismatchKind.MissingHere => "Listed by Telegram, not recorded here",
        LedgerMismatchKind.AmountDiffers => "Amounts differ",
        _ => "Telegram's balance differs from the ledger",
    };

    // From today through the hold (or the last release, if later, up to 90 days): Stars each UTC day frees up.
    private List<(DateOnly, decimal, decimal)> ReleaseDays(DateOnly today)
    {
        var byDay = Shown.SelectMany(b => b.ReleasesByDay()).GroupBy(r => r.Date).ToDictionary(g => g.Key, g => g.Sum(r => ToStars(r.Amount)));
        var last = byDay.Count == 0 ? today : byDay.Keys.Max();
        var days = Math.Clamp(last.DayNumber - today.DayNumber + 1, HoldDays + 1, 90);
        return [.. Enumerable.Range(0, days).Select(i => today.AddDays(i)).Select(d => (d, byDay.GetValueOrDefault(d), 0m))];
    }
}
