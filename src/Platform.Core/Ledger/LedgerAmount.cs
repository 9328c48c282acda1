using System.Globalization;

namespace Platform.Core.Ledger;

/// <summary>
/// An exact amount of Stars as a count of nanostars (1 Star = 10⁹), the unit Telegram's <c>nanostar_amount</c> is in.
/// Sums stay integers; <see cref="Stars"/> and <see cref="Nanostars"/> split it the way Telegram's StarAmount does.
/// </summary>
public readonly record struct LedgerAmount(long TotalNanostars) : IComparable<LedgerAmount>
{
    public const long NanostarsPerStar = 1_000_000_000;

    public static LedgerAmount Zero => default;

    /// <summary>Whole Stars, rounded toward zero (Telegram's <c>amount</c>).</summary>
    public long Stars => TotalNanostars / NanostarsPerStar;

    /// <summary>The remainder in nanostars, with the sign of the whole (Telegram's <c>nanostar_amount</c>).</summary>
    public int Nanostars => (int)(TotalNanostars % NanostarsPerStar);

    public static LedgerAmount FromStars(long stars, int nanostars = 0) => new((stars * NanostarsPerStar) + nanostars);

    public static LedgerAmount operator +(LedgerAmount a, LedgerAmount b) => new(a.TotalNanostars + b.TotalNanostars);

    public static LedgerAmount operator -(LedgerAmount a, LedgerAmount b) => new(a.TotalNanostars - b.TotalNanostars);

    public static LedgerAmount operator -(LedgerAmount a) => new(-a.TotalNanostars);

    public static bool operator <(LedgerAmount a, LedgerAmount b) => a.TotalNanostars < b.TotalNanostars;

    public static bool operator >(LedgerAmount a, LedgerAmount b) => a.TotalNanostars > b.TotalNanostars;

    public static bool operator <=(LedgerAmount a, LedgerAmount b) => a.TotalNanostars <= b.TotalNanostars;

    public static bool operator >=(LedgerAmount a, LedgerAmount b) => a.TotalNanostars >= b.TotalNanostars;

    public static LedgerAmount Max(LedgerAmount a, LedgerAmount b) => a >= b ? a : b;

    public static LedgerAmount Min(LedgerAmount a, LedgerAmount b) => a <= b ? a : b;

    public int CompareTo(LedgerAmount other) => TotalNanostars.CompareTo(other.TotalNanostars);

    /// <summary>"1,234" or "0.5" Stars, invariant culture, for CSV and logs.</summary>
    public override string ToString() =>
        (TotalNanostars / (decimal)NanostarsPerStar).ToString("0.#########", CultureInfo.InvariantCulture);
}
