using System.Globalization;
using System.Text;
using Platform.Core.Ledger;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// The ledger as CSV (RFC 4180: comma-separated, CRLF line ends, a cell with a comma, quote or line break in quotes with
/// quotes doubled) for spreadsheets. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab
/// or CR) get a leading apostrophe; amounts are numbers we write ourselves (invariant culture) and stay numbers.
/// </summary>
public static class LedgerCsv
{
    /// <summary>The columns: bot is the username without "@" (a leading @ would read as a formula); kind as the API spells it.</summary>
    public const string Header = "at_utc,bot,kind,stars,releases_at_utc,telegram_transaction_id,order_id,note";

    public static string Row(StarLedgerEntry e, string bot) => string.Join(",",
        Time(e.At), Cell(bot), ApiKind(e.Kind), e.Amount.ToString(), Time(e.ReleasesAt), Cell(e.TelegramTransactionId), e.OrderId?.ToString() ?? "",
        Cell(e.Note));

    /// <summary>A text cell: guarded against formula injection, then quoted when RFC 4180 needs it.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Writes the header and every row of <paramref name="rows"/> as it arrives, flushing now and then so nothing piles up.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<StarLedgerEntry> rows, Func<Guid, string> botName, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Row(row, botName(row.BotId)));
            if (++count % 500 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string ApiKind(StarLedgerKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
