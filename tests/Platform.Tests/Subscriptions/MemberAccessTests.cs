using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Files;
using Platform.Core.Outbound;
using Platform.Core.Subscriptions;
using Platform.Tests.Bots;

namespace Platform.Tests.Subscriptions;

/// <summary>Products a plan grants: downloadable and deliverable while the membership grants access, refused with a clear answer after.</summary>
[Collection(BotTests.Collection)]
public sealed class MemberAccessTests(SweepAppFactory app) : IClassFixture<SweepAppFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. RandomNumberGenerator.GetBytes(20_000)];

    [Fact]
    public async Task A_plan_charge_link_downloads_while_the_membership_is_active_and_shows_a_friendly_page_after_it_ends()
    {
        var store = await TestStore.CreateAsync(app, "Courses");
        var course = await store.AddFileProductAsync("Course PDF", 40, Pdf, "course.pdf");
        var other = await store.AddFileProductAsync("Other PDF", 40, Pdf, "other.pdf");
        var plan = await Memberships.AddPlanAsync(store, "Academy", 250, course);
        var userId = await app.Telegram.CreateUserAsync("Lea", 500);
        var membership = await Memberships.AddAsync(store, plan, await Memberships.CustomerAsync(store, userId), userId, SubscriptionStatus.Canceled,
            app.Clock.GetUtcNow().AddDays(3));
        var charge = await Memberships.AddChargeAsync(store, membership, "Academy");
        var fileOf = await store.WithDbAsync(db => db.Products.Where(p => p.Id == course || p.Id == other).ToDictionaryAsync(p => p.Id, p => p.FileId!.Value));
        var url = await store.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DownloadLinkFactory>().CreateUrl(charge.Id, fileOf[course])));
        var notGranted = await store.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DownloadLinkFactory>().CreateUrl(charge.Id, fileOf[other])));
        using var client = app.CreateHttpClient();

        // Cancelled but inside the paid period: still a member.
        using (var allowed = await client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal(Pdf, await allowed.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(notGranted)).StatusCode);

        // The period ended (the sweep has not run yet): refused already, and still after the sweep expires it.
        await store.WithDbAsync(db => db.Subscriptions.Where(s => s.Id == membership.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.AccessEndsAt, app.Clock.GetUtcNow().AddSeconds(-1))));
        using var ended = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, ended.StatusCode);
        Assert.Contains("Your membership ended", await ended.Content.ReadAsStringAsync());
        await store.WithDbAsync(db => db.Subscriptions.Where(s => s.Id == membership.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriptionStatus.Expired)));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(1, await store.WithDbAsync(db => db.Orders.Where(o => o.Id == charge.Id).Select(o => o.DownloadCount).SingleAsync()));
    }

    [Fact]
    public async Task Member_products_are_listed_and_delivered_while_access_lasts_and_refused_with_a_text_after()
    {
        var store = await TestStore.CreateAsync(app, "Letters");
        var letter = await store.AddTextProductAsync("Weekly letter", 10, "THE LETTER");
        var course = await store.AddFileProductAsync("Course PDF", 40, Pdf, "course.pdf");
        var plan = await Memberships.AddPlanAsync(store, "Insiders", 250, letter, course);
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Noa");
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => m.GetProperty("from_bot").GetBoolean());
        var membership = await Memberships.AddAsync(store, plan, await Memberships.CustomerAsync(store, buyer.UserId), buyer.UserId,
            SubscriptionStatus.Active, app.Clock.GetUtcNow().AddDays(10));
        await Memberships.AddChargeAsync(store, membership, "Insiders");

        var listed = await store.WithScopeAsync(sp => sp.GetRequiredService<MemberProducts>().ListAsync(membership.Id, CancellationToken.None));
        Assert.Equal(["Course PDF", "Weekly letter"], listed.Select(p => p.Title));

        Assert.Equal(MemberDelivery.Sent, await DeliverAsync(store, buyer.UserId, membership.Id, letter));
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("THE LETTER", StringComparison.Ordinal) == true);
        Assert.Equal(MemberDelivery.Sent, await DeliverAsync(store, buyer.UserId, membership.Id, course));
        var link = await buyer.WaitForAsync(SandboxMessages.HasDownloadButton);
        var url = SandboxMessages.DownloadUrl(link)!;
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(MemberDelivery.NotGranted, await DeliverAsync(store, buyer.UserId, membership.Id, plan));
        Assert.Equal(MemberDelivery.NotGranted, await DeliverAsync(store, buyer.UserId + 1, membership.Id, letter));

        await store.WithDbAsync(db => db.Subscriptions.Where(s => s.Id == membership.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriptionStatus.Expired)));
        Assert.Equal(MemberDelivery.AccessEnded, await DeliverAsync(store, buyer.UserId, membership.Id, letter));
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("“Insiders” membership has ended", StringComparison.Ordinal) == true);
        Assert.Single(await buyer.MessagesAsync(), m => SandboxClient.Text(m)?.Contains("THE LETTER", StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
    }

    private static Task<MemberDelivery> DeliverAsync(TestStore store, long chatId, Guid membershipId, Guid productId) =>
        store.WithScopeAsync(async sp =>
        {
            var from = new Telegram.Bot.Types.User { Id = chatId, FirstName = "Noa", LanguageCode = "en" };
            var chat = await sp.GetRequiredService<BotChatFactory>().CreateAsync(store.Tenant, store.BotId, chatId, from, CancellationToken.None);
            return await sp.GetRequiredService<MemberProducts>().DeliverAsync(chat!, membershipId, productId, CancellationToken.None);
        });
}
