using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Identity;
using Platform.Core.Orders;
using Platform.Tests.Bots;
using Platform.Tests.Merchant;

namespace Platform.Tests.Api;

/// <summary><c>POST /api/v1/orders/{id}/refund</c> on a real sandbox sale, with the store owner's client-credentials token.</summary>
[Collection(BotTests.Collection)]
public sealed class OrderRefundApiTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task A_paid_order_is_refunded_once_however_often_the_refund_is_posted()
    {
        var store = await TestStore.CreateAsync(app, "ApiRefund");
        using var http = await OwnerClientAsync(store);
        var product = await store.AddTextProductAsync("Guide", 40, "THE GUIDE");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Remy", stars: 100);
        await buyer.PayAsync(await buyer.OpenInvoiceAsync(product));
        var order = (await SellingEndToEndTests.WaitForOrdersAsync(store, 1, OrderStatus.Fulfilled)).Single();
        Assert.Equal(60, await buyer.StarsAsync());

        using var first = await http.PostAsync($"api/v1/orders/{order.Id}/refund", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var refunded = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(order.Id, refunded.GetProperty("id").GetGuid());
        Assert.Equal("refunded", refunded.GetProperty("status").GetString());
        var refundedAt = refunded.GetProperty("refundedAt").GetDateTimeOffset();
        Assert.Equal(100, await buyer.StarsAsync());

        using var second = await http.PostAsync($"api/v1/orders/{order.Id}/refund", null);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("refunded", again.GetProperty("status").GetString());
        Assert.Equal(refundedAt, again.GetProperty("refundedAt").GetDateTimeOffset());

        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("was refunded", StringComparison.Ordinal) == true);
        Assert.Equal(100, await buyer.StarsAsync());
        Assert.Equal(1, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.refunded")));
        Assert.Equal(1, await store.WithDbAsync(db => db.Deliveries.CountAsync(d => d.Kind == DeliveryKind.RefundNotice)));
    }

    [Fact]
    public async Task Unknown_orders_and_other_stores_orders_are_404_problems_and_unpaid_ones_409()
    {
        var store = await TestStore.CreateAsync(app, "ApiRefundOwner");
        var other = await TestStore.CreateAsync(app, "ApiRefundOther");
        using var http = await OwnerClientAsync(store);
        using var otherHttp = await OwnerClientAsync(other);
        var productId = await store.AddTextProductAsync("Notes", 10, "NOTES");
        var paid = await store.WithScopeAsync(async sp =>
            await MerchantAppFactory.NewOrderAsync(sp, await sp.GetRequiredService<Platform.Core.Data.PlatformDbContext>()
                .Products.SingleAsync(p => p.Id == productId), OrderStatus.Paid));
        var pending = await store.WithScopeAsync(async sp =>
            await MerchantAppFactory.NewOrderAsync(sp, await sp.GetRequiredService<Platform.Core.Data.PlatformDbContext>()
                .Products.SingleAsync(p => p.Id == productId), OrderStatus.Pending));

        await BotsApiTests.AssertProblemAsync(await http.PostAsync($"api/v1/orders/{Guid.NewGuid()}/refund", null), HttpStatusCode.NotFound);
        await BotsApiTests.AssertProblemAsync(await otherHttp.PostAsync($"api/v1/orders/{paid.Id}/refund", null), HttpStatusCode.NotFound);
        await BotsApiTests.AssertProblemAsync(await http.PostAsync($"api/v1/orders/{pending.Id}/refund", null), HttpStatusCode.Conflict);

        Assert.Equal(OrderStatus.Paid, await store.WithDbAsync(db => db.Orders.Where(o => o.Id == paid.Id).Select(o => o.Status).SingleAsync()));
        Assert.Equal(0, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.refunded")));
    }

    [Fact]
    public async Task A_bot_token_this_server_cannot_decrypt_gives_a_clear_problem_and_changes_nothing()
    {
        var store = await TestStore.CreateAsync(app, "ApiRefundKey");
        using var http = await OwnerClientAsync(store);
        var product = await store.AddTextProductAsync("Map", 30, "THE MAP");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Ines", stars: 100);
        await buyer.PayAsync(await buyer.OpenInvoiceAsync(product));
        var order = (await SellingEndToEndTests.WaitForOrdersAsync(store, 1, OrderStatus.Fulfilled)).Single();
        // As if the key-ring certificate that protected this token were gone from the configuration.
        await store.WithDbAsync(db => db.Bots.Where(b => b.Id == store.BotId).ExecuteUpdateAsync(s =>
            s.SetProperty(b => b.TokenCiphertext, "CfDJ8-not-a-readable-payload")));

        var problem = await BotsApiTests.AssertProblemAsync(await http.PostAsync($"api/v1/orders/{order.Id}/refund", null), HttpStatusCode.BadGateway);

        Assert.Contains("cannot be decrypted", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Fulfilled, await store.WithDbAsync(db => db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync()));
        Assert.Equal(70, await buyer.StarsAsync());
    }

    private async Task<HttpClient> OwnerClientAsync(TestStore store)
    {
        var ownerId = await store.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync($"{store.Tenant.Slug}@example.test"))!.Id);
        return await ApiTokens.ClientForAsync(app, store.Tenant, ownerId);
    }
}
