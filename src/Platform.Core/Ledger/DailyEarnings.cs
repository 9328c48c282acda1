namespace Platform.Core.Ledger;

/// <summary>
/// One UTC day of a bot's (or the store's) earnings for the Balance page's chart: what came in from sales, renewals and
/// other income Telegram reported, and what went back as refunds (a positive amount here).
/// </summary>
public sealed record DailyEarnings(DateOnly Day, LedgerAmount Sales, LedgerAmount Renewals, LedgerAmount OtherIncome, LedgerAmount Refunds)
{
    public LedgerAmount Income => Sales + Renewals + OtherIncome;
}
