using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Tests.Merchant;

namespace Platform.Tests.Orders;

/// <summary>
/// The orders list (issue 18, point 5): totals over the whole filtered set, pages as <c>?p=</c>, abandoned orders marked and
/// filterable, human status names, and the CSV of every filtered order (all pages) with formula-safe cells.
/// </summary>
public sealed class OrdersListTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    private static readonly OrderStatus[] Mix =
    [
        .. Enumerable.Repeat(OrderStatus.Paid, 20), .. Enumerable.Repeat(OrderStatus.Fulfilled, 5), OrderStatus.Refunded, OrderStatus.Refunded,
        OrderStatus.Abandoned, OrderStatus.Pending,
    ];

    [Fact]
    public async Task The_totals_count_the_whole_filtered_set_and_page_two_shows_the_rest()
    {
        var (tenant, email, _, first) = await OrdersSeed.StoreAsync(app, "Totals");
        await OrdersSeed.AddAsync(app, tenant, first, Mix); // 29 more: 30 orders, 28 paid (50 each), 2 of them refunded
        using var client = await app.SignedInClientAsync(email, tenant);

        var all = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders");
        Assert.Equal(OrderFilter.DefaultPageSize, all.QuerySelectorAll("#orders tbody tr").Length);
        Assert.Equal("30", all.QuerySelector("#total-count")!.TextContent.Trim());
        Assert.Equal("1,400 ⭐", all.QuerySelector("#total-paid")!.TextContent.Trim());
        Assert.Equal("100 ⭐", all.QuerySelector("#total-refunded")!.TextContent.Trim());
        Assert.Equal("1,300 ⭐", all.QuerySelector("#total-net")!.TextContent.Trim());
        var next = all.QuerySelector("a[rel=next]")!.GetAttribute("href");
        Assert.Equal("?p=2", next);

        // Page 2 really is page 2 (?page= never bound: Razor Pages keeps that route value for itself).
        var second = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders{next}");
        var secondIds = second.QuerySelectorAll("#orders tbody tr").Select(r => r.GetAttribute("data-id")).ToList();
        Assert.Equal(30 - OrderFilter.DefaultPageSize, secondIds.Count);
        Assert.Empty(secondIds.Intersect(all.QuerySelectorAll("#orders tbody tr").Select(r => r.GetAttribute("data-id"))));
        Assert.Equal("30", second.QuerySelector("#total-count")!.TextContent.Trim()); // totals ignore paging
        Assert.Equal("?p=1", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        // A page number from a hand-made URL is never an error.
        foreach (var p in new[] { "0", "-3", "999999999", "2147483647", "x" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/stores/{tenant.Slug}/orders?p={p}")).StatusCode);
        }

        var refunded = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders?Status=Refunded");
        Assert.Equal("2", refunded.QuerySelector("#total-count")!.TextContent.Trim());
        Assert.Equal("100 ⭐", refunded.QuerySelector("#total-paid")!.TextContent.Trim());
        Assert.Equal("0 ⭐", refunded.QuerySelector("#total-net")!.TextContent.Trim());
        Assert.Equal("Status=Refunded", refunded.QuerySelector("#orders-csv")!.GetAttribute("href")!.Split('?')[1]);

        var fulfilled = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders?Status=Fulfilled");
        Assert.All(fulfilled.QuerySelectorAll("#orders tbody td.status"), td => Assert.Equal("Delivered", td.TextContent.Trim()));
        Assert.Contains(fulfilled.QuerySelectorAll("#Status option"), o => o.TextContent == "Awaiting payment" && o.GetAttribute("value") == "Pending");
    }

    [Fact]
    public async Task Abandoned_orders_carry_an_abandoned_badge_and_can_be_filtered()
    {
        var (tenant, email, _, first) = await OrdersSeed.StoreAsync(app, "Abandoned");
        var ids = await OrdersSeed.AddAsync(app, tenant, first, [OrderStatus.Abandoned, OrderStatus.Pending]);
        using var client = await app.SignedInClientAsync(email, tenant);

        var page = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders?Status=Abandoned");
        var row = Assert.Single(page.QuerySelectorAll("#orders tbody tr"));
        Assert.Equal(ids[0].ToString(), row.GetAttribute("data-id"));
        var badge = row.QuerySelector("td.status .badge")!;
        Assert.Equal("Abandoned", badge.TextContent.Trim());
        Assert.Contains("order-abandoned", badge.ClassList);
        Assert.Equal("0 ⭐", page.QuerySelector("#total-paid")!.TextContent.Trim());
        var detail = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders/{ids[0]}");
        Assert.Equal("Abandoned", detail.QuerySelector("#status")!.TextContent.Trim());
        Assert.Null(detail.QuerySelector("#resend"));
        Assert.Null(detail.QuerySelector("#reset-downloads"));
    }

    [Fact]
    public async Task The_csv_has_a_header_and_every_filtered_order_across_pages_with_formula_safe_cells()
    {
        var (tenant, email, product, first) = await OrdersSeed.StoreAsync(app, "Csv");
        await OrdersSeed.AddAsync(app, tenant, first, Mix);
        await app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            await db.Customers.Where(c => c.Id == first.CustomerId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstName, "=HYPERLINK(\"http://evil.test\",\"x\")").SetProperty(c => c.Username, "+buyer"));
            return await db.Orders.Where(o => o.ProductId == product.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProductTitle, "-1+1, \"the\" book"));
        });
        using var client = await app.SignedInClientAsync(email, tenant);

        using var response = await client.GetAsync($"/stores/{tenant.Slug}/orders/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Platform.Web.Pages.Stores.Orders.OrdersCsv.Header, lines[0]);
        Assert.Equal(30, lines.Length - 1); // more than one page of the list
        var row = lines[1];
        Assert.Contains(",\"'-1+1, \"\"the\"\" book\",50,", row);
        Assert.Contains(",'+buyer,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",", row);
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(',').Any(cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@'));

        var abandoned = (await client.GetStringAsync($"/stores/{tenant.Slug}/orders/export.csv?Status=Abandoned"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, abandoned.Length);
        Assert.Contains(",Abandoned,", abandoned[1]);
    }
}
