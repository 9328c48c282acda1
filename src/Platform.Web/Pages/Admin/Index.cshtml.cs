using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Administration;
using Platform.Web.Pages.Stores;

namespace Platform.Web.Pages.Admin;

/// <summary>
/// The platform admins' dashboard (the folder convention requires the PlatformAdmin role): every figure comes from
/// <see cref="PlatformFiguresReader"/> in Core; the page only picks the period (<c>?period=24h|7d|30d</c>, anything
/// else is the default 7 d) and formats. docs/admin.md, "Dashboard".
/// </summary>
public sealed class IndexModel(PlatformFiguresReader reader) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string Label, PlatformFiguresPeriod Period)> Periods =
    [
        ("24h", "24 h", PlatformFiguresPeriod.Day), ("7d", "7 d", PlatformFiguresPeriod.Week), ("30d", "30 d", PlatformFiguresPeriod.Month),
    ];

    public PlatformFigures Figures { get; private set; } = null!;

    public BalanceChart GmvChart { get; private set; } = null!;

    public BalanceChart NewStoresChart { get; private set; } = null!;

    public string PeriodKey { get; private set; } = "7d";

    /// <summary>How the page names its window, e.g. "since yesterday 00:00 UTC (Dec 5)".</summary>
    public string Window => Figures.Period == PlatformFiguresPeriod.Day
        ? $"since yesterday 00:00 UTC ({Figures.FromDay.ToString("MMM d", CultureInfo.InvariantCulture)})"
        : $"the last {Figures.Days.Count} UTC days, {Day(Figures.FromDay)} to today ({Day(Figures.ToDay)})";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var asked = Request.Query["period"].ToString();
        var period = Periods.FirstOrDefault(p => string.Equals(p.Key, asked, StringComparison.OrdinalIgnoreCase));
        (PeriodKey, var chosen) = period.Key is null ? ("7d", PlatformFiguresPeriod.Week) : (period.Key, period.Period);
        Figures = await reader.ReadAsync(chosen, cancellationToken);
        GmvChart = new BalanceChart([.. Figures.Days.Select(d => (d.Day, (decimal)d.GrossStars, (decimal)d.RefundedStars))]);
        NewStoresChart = new BalanceChart([.. Figures.Days.Select(d => (d.Day, (decimal)d.NewStores, 0m))], "new stores");
    }

    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Stars(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.#%", CultureInfo.InvariantCulture) : "—";

    private static string Day(DateOnly day) => day.ToString("MMM d", CultureInfo.InvariantCulture);
}
