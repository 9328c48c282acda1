using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Orders;
using Platform.Core.Payments;
using Platform.Tests.Merchant;

namespace Platform.Tests.Orders;

/// <summary>
/// The order page's help for a buyer and the refund reason, without Telegram: a reset lets a link that hit its limit work
/// again and is recorded in the history; a refund reason that is too long or holds NUL is a field error and nothing is
/// refunded; another store's order is a 404 for every action; the reason shows on the order once stored.
/// </summary>
public sealed class OrderDetailActionsTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    [Fact]
    public async Task Reset_downloads_lets_a_link_that_hit_its_limit_work_again_and_is_recorded_in_the_history()
    {
        var (tenant, email, product, order) = await OrdersSeed.StoreAsync(app, "Reset", downloadLimit: 1);
        var url = await app.InTenantAsync(tenant,
            sp => Task.FromResult(sp.GetRequiredService<DownloadLinkFactory>().CreateUrl(order.Id, product.FileId!.Value)));
        using var buyer = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await buyer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync(url)).StatusCode);

        using var client = await app.SignedInClientAsync(email, tenant);
        var path = $"/stores/{tenant.Slug}/orders/{order.Id}";
        var page = await PageForms.GetPageAsync(client, path);
        Assert.Equal("1", page.QuerySelector("#downloads-used")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#reset-downloads .confirm-cancel"));
        using var reset = await PageForms.SubmitAsync(client, path, "#reset-downloads form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var after = await PageForms.GetPageAsync(client, path);
        Assert.Contains("Downloads reset", after.QuerySelector("#order-notice")!.TextContent);
        Assert.Equal($"/stores/{tenant.Slug}/orders", after.QuerySelector("#order-notice a")!.GetAttribute("href"));
        Assert.Equal("0", after.QuerySelector("#downloads-used")!.TextContent.Trim());
        Assert.Contains("Downloads reset", after.QuerySelector("#deliveries tr[data-kind=DownloadsReset]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await buyer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_refund_reason_that_is_too_long_or_holds_NUL_is_a_field_error_and_nothing_is_refunded()
    {
        var (tenant, email, _, order) = await OrdersSeed.StoreAsync(app, "Reason");
        using var client = await app.SignedInClientAsync(email, tenant);
        var path = $"/stores/{tenant.Slug}/orders/{order.Id}/refund";
        var confirm = await PageForms.GetPageAsync(client, path);
        Assert.Equal($"/stores/{tenant.Slug}/orders/{order.Id}", confirm.QuerySelector("#refund-cancel")!.GetAttribute("href"));
        Assert.Contains("cannot be undone", confirm.QuerySelector("#refund-question")!.TextContent);

        var token = confirm.QuerySelector("#refund-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal("multipart/form-data", confirm.QuerySelector("#refund-form")!.GetAttribute("enctype"));
        foreach (var (reason, message) in new[] { ("a\0b", "not allowed"), ("a\u0001b", "not allowed"),
            (new string('r', Order.RefundReasonMaxLength + 1), "at most 500") })
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(reason), "Reason" },
            };
            using var refused = await client.PostAsync(path, form);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            var error = PageForms.FieldError(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), "Reason");
            Assert.True(error.Contains(message, StringComparison.Ordinal), html);
        }

        var stored = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id));
        Assert.Equal(OrderStatus.Paid, stored.Status);
        Assert.Null(stored.RefundReason);
        Assert.Null(RefundService.ReasonError(new string('r', Order.RefundReasonMaxLength)));
        Assert.NotNull(RefundService.ReasonError("\uD800"));
    }

    [Fact]
    public async Task A_stored_refund_reason_is_shown_on_the_order_and_sent_in_order_refunded()
    {
        var (tenant, email, _, order) = await OrdersSeed.StoreAsync(app, "Shown");
        await app.InTenantAsync(tenant,
            sp => sp.GetRequiredService<RefundService>().MarkRefundedAsync(order.Id, "  Bought twice <b>by mistake</b>\n", default));
        using var client = await app.SignedInClientAsync(email, tenant);

        var page = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders/{order.Id}");
        Assert.Equal("Refunded", page.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal("Bought twice <b>by mistake</b>", page.QuerySelector("#refund-reason")!.TextContent);
        Assert.Null(page.QuerySelector("#resend"));
        var data = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().OutboxEvents.AsNoTracking()
            .Where(e => e.Type == "order.refunded").Select(e => e.Data).SingleAsync());
        using var json = System.Text.Json.JsonDocument.Parse(data);
        Assert.Equal("Bought twice <b>by mistake</b>", json.RootElement.GetProperty("refund_reason").GetString());
    }

    [Fact]
    public async Task Another_stores_order_is_not_found_for_refund_resend_and_reset()
    {
        var (_, _, _, order) = await OrdersSeed.StoreAsync(app, "Victim");
        var (bravo, bravoEmail, _, own) = await OrdersSeed.StoreAsync(app, "Bravo");
        using var client = await app.SignedInClientAsync(bravoEmail, bravo);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/stores/{bravo.Slug}/orders/{order.Id}/refund")).StatusCode);

        // Bravo's own forms, pointed at the other store's order id: refused as not found, nothing changed.
        var ownPage = $"/stores/{bravo.Slug}/orders/{own.Id}";
        foreach (var (form, target) in new[]
        {
            ("#refund-form", $"/stores/{bravo.Slug}/orders/{order.Id}/refund"),
            ("#resend form", $"/stores/{bravo.Slug}/orders/{order.Id}?handler=Resend"),
            ("#reset-downloads form", $"/stores/{bravo.Slug}/orders/{order.Id}?handler=ResetDownloads"),
        })
        {
            var source = form == "#refund-form" ? ownPage + "/refund" : ownPage;
            var page = await PageForms.GetPageAsync(client, source);
            var values = page.QuerySelector(form)!.QuerySelectorAll("input[type=hidden]")
                .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
            values["Reason"] = "mine now";
            using var response = await client.PostAsync(target, new FormUrlEncodedContent(values));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var victimStore = (await app.Services.GetRequiredService<Platform.Core.Tenancy.ITenantStore>().FindByIdAsync(order.TenantId, default))!;
        var victim = await app.InTenantAsync(victimStore,
            sp => sp.GetRequiredService<PlatformDbContext>().Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id));
        Assert.Equal(OrderStatus.Paid, victim.Status);
        Assert.Null(victim.RefundReason);
    }
}
