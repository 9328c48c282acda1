namespace Platform.Core.Ledger;

/// <summary>
/// The unique keys of ledger rows, one spelling for every writer: the payment path and reconciliation must agree that
/// a charge's credit is <c>payment:{id}</c>, or a pass would count it twice.
/// </summary>
public static class LedgerKeys
{
    public static string Payment(string chargeId) => "payment:" + chargeId;

    public static string Refund(string chargeId) => "refund:" + chargeId;

    public static string Withdrawal(string transactionId) => "withdrawal:" + transactionId;

    public static string WithdrawalReturned(string transactionId) => "withdrawal-returned:" + transactionId;

    public static string Income(string transactionId) => "income:" + transactionId;

    public static string Spending(string transactionId) => "spending:" + transactionId;

    public static string Adjustment(Guid id) => "adjustment:" + id.ToString("N");
}
