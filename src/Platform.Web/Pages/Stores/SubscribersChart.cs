using System.Globalization;
using Platform.Core.Subscriptions;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// The active-subscribers series as SVG coordinates, computed on the server so the page needs no script and no CDN:
/// one point per day on a fixed viewBox that scales to the page width (readable at 390 px).
/// </summary>
public sealed class SubscribersChart
{
    public const int Width = 420;
    public const int Height = 210;
    private const int Left = 40;
    private const int Right = 12;
    private const int Top = 14;
    private const int Bottom = 30;

    public SubscribersChart(IReadOnlyList<ActiveSubscribersPoint> points)
    {
        Points = points;
        Max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Active));
        var step = points.Count > 1 ? (double)(Width - Left - Right) / (points.Count - 1) : 0;
        Coordinates = points.Select((p, i) => (X: Left + (i * step), Y: Top + ((Height - Top - Bottom) * (1 - ((double)p.Active / Max))), Point: p)).ToList();
    }

    public IReadOnlyList<ActiveSubscribersPoint> Points { get; }

    public int Max { get; }

    public IReadOnlyList<(double X, double Y, ActiveSubscribersPoint Point)> Coordinates { get; }

    public static int PlotLeft => Left;

    public static int PlotRight => Width - Right;

    public static int PlotTop => Top;

    public static int PlotBottom => Height - Bottom;

    public string Polyline => string.Join(" ", Coordinates.Select(c => $"{Format(c.X)},{Format(c.Y)}"));

    public static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
