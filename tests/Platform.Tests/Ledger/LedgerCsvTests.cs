using System.Net;
using Platform.Core.Ledger;
using Platform.Web.Pages.Stores;

namespace Platform.Tests.Ledger;

/// <summary>
/// "Download CSV" on the Balance page: text/csv with a header row, RFC 4180 quoting, text cells guarded against formula
/// injection, the page's filters applied, and nothing of another store.
/// </summary>
public sealed class LedgerCsvTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    public void A_text_cell_is_quoted_per_RFC_4180_and_guarded_against_formulas(string value, string expected) =>
        Assert.Equal(expected, LedgerCsv.Cell(value));

    [Fact]
    public async Task The_export_streams_every_matching_row_with_a_header_quoting_and_the_injection_guard()
    {
        var (tenant, email) = await app.NewStoreAsync("Csv");
        var bot = await app.NewBotAsync(tenant, "csv_bot");
        var (other, _) = await app.NewStoreAsync("Elsewhere");
        var otherBot = await app.NewBotAsync(other, "elsewhere_bot");
        var t0 = app.Clock.GetUtcNow();
        await app.WriteAsync(tenant, l =>
        [
            l.SaleCredit(bot.Id, "ch-1", 250, null, renewal: false, t0.AddHours(-2)),
            l.RefundDebit(bot.Id, "ch-1", 250, null, t0.AddHours(-1)),
            l.Adjustment(bot.Id, LedgerAmount.FromStars(3, 250_000_000), "=HYPERLINK(\"http://evil\"), \"fix\"\nsecond line", t0),
        ]);
        await app.WriteAsync(other, l => [l.SaleCredit(otherBot.Id, "secret-charge", 999, null, renewal: false, t0)]);
        using var http = await app.SignedInClientAsync(email, tenant);

        var response = await http.GetAsync($"stores/{tenant.Slug}/balance/ledger.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith(LedgerCsv.Header + "\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-charge", text, StringComparison.Ordinal);
        Assert.Contains(",csv_bot,", text, StringComparison.Ordinal);
        Assert.Contains(",adjustment,3.25,", text, StringComparison.Ordinal);
        Assert.Contains(",refund,-250,", text, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\"), \"\"fix\"\"\nsecond line\"\r\n", text, StringComparison.Ordinal);
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.Contains(",adjustment,", rows[1], StringComparison.Ordinal); // newest first

        var refunds = await (await http.GetAsync($"stores/{tenant.Slug}/balance/ledger.csv?Kind=Refund&Bot={bot.Id}")).Content.ReadAsStringAsync();
        Assert.Equal(2, refunds.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
