using System.Globalization;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// A bar chart of Stars per UTC day, as SVG coordinates computed on the server (no script, no CDN), on a fixed viewBox
/// that scales to the page width: bars above the zero line for Stars in (earnings, releases), below it for Stars out
/// (refunds). The Balance page draws its daily earnings and its upcoming releases with it; the platform admins' dashboard
/// its GMV and new stores per day (<see cref="Unit"/> names what a bar counts).
/// </summary>
public sealed class BalanceChart
{
    public const int Width = 420;
    public const int Height = 210;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 14;
    private const int Bottom = 30;

    public BalanceChart(IReadOnlyList<(DateOnly Day, decimal Up, decimal Down)> days, string unit = "⭐")
    {
        Days = days;
        Unit = unit;
        MaxUp = days.Count == 0 ? 0 : days.Max(d => d.Up);
        MaxDown = days.Count == 0 ? 0 : days.Max(d => d.Down);
        var range = Math.Max(1m, MaxUp + MaxDown);
        var plot = (double)(Height - Top - Bottom);
        ZeroY = Top + (plot * (double)(MaxUp / range));
        var slot = days.Count > 0 ? (double)(Width - Left - Right) / days.Count : 0;
        Bars = [.. days.Select((d, i) =>
        {
            var x = Left + (i * slot) + (slot * 0.15);
            var up = plot * (double)(d.Up / range);
            var down = plot * (double)(d.Down / range);
            return new BalanceChartBar(d.Day, d.Up, d.Down, x, slot * 0.7, ZeroY - up, up, down);
        })];
    }

    public IReadOnlyList<(DateOnly Day, decimal Up, decimal Down)> Days { get; }

    public string Unit { get; }

    public decimal MaxUp { get; }

    public decimal MaxDown { get; }

    public double ZeroY { get; }

    public IReadOnlyList<BalanceChartBar> Bars { get; }

    public static int PlotLeft => Left;

    public static int PlotRight => Width - Right;

    public static int PlotTop => Top;

    public static int PlotBottom => Height - Bottom;

    public string FirstDay => Days.Count == 0 ? "" : Days[0].Day.ToString("MMM d", CultureInfo.InvariantCulture);

    public string LastDay => Days.Count == 0 ? "" : Days[^1].Day.ToString("MMM d", CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Stars(decimal value) => value.ToString("#,0.#########", CultureInfo.InvariantCulture);
}
