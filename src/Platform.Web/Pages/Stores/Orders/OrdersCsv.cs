using System.Globalization;
using System.Text;
using Platform.Core.Orders;

namespace Platform.Web.Pages.Stores.Orders;

/// <summary>
/// Orders as CSV (RFC 4180, CRLF, quoted where needed) for spreadsheets and accounting. Text cells go through
/// <see cref="LedgerCsv.Cell"/>: one starting with =, +, -, @, tab or CR gets a leading apostrophe so a spreadsheet
/// never runs it as a formula (a buyer chooses their own name). Stars are numbers we write ourselves.
/// </summary>
public static class OrdersCsv
{
    public const string Header =
        "order_id,created_at_utc,status,product,stars,customer_telegram_id,customer_username,customer_name,paid_at_utc,refunded_at_utc,downloads";

    public static string Row(OrderSummary o) => string.Join(",",
        o.Id.ToString(), Time(o.CreatedAt), LedgerCsv.Cell(OrderLabels.Status(o.Status)), LedgerCsv.Cell(o.ProductTitle),
        o.PriceStars.ToString(CultureInfo.InvariantCulture), o.CustomerTelegramUserId.ToString(CultureInfo.InvariantCulture),
        LedgerCsv.Cell(o.CustomerUsername), LedgerCsv.Cell(o.CustomerFirstName), Time(o.PaidAt), Time(o.RefundedAt),
        o.DownloadCount.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes the header and every row as it arrives, flushing now and then so nothing piles up.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<OrderSummary> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Row(row));
            if (++count % 500 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
