using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Subscriptions;
using Platform.Tests.Bots;

namespace Platform.Tests.Subscriptions;

/// <summary>The chats a store's bots manage: recorded from my_chat_member, and a live rights check in the merchant's words.</summary>
[Collection(BotTests.Collection)]
public sealed class ManagedChatTests(SubscriptionAppFactory app) : IClassFixture<SubscriptionAppFactory>
{
    [Fact]
    public async Task A_channel_the_bot_administers_appears_with_its_rights_and_passes_the_check()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Zeta");
        await ChannelScenario.WaitUntilAsync(() => scenario.Store.WithDbAsync(db => db.ManagedChats.AnyAsync(c => c.TelegramChatId == scenario.ChannelId)),
            "the managed chat is recorded");
        var chat = await scenario.Store.WithDbAsync(db => db.ManagedChats.SingleAsync());
        Assert.Equal((scenario.ChannelTitle, "channel", true, true, true),
            (chat.Title, chat.ChatType, chat.BotIsAdmin, chat.CanInviteUsers, chat.CanRestrictMembers));

        var rights = await scenario.Store.WithScopeAsync(sp =>
            sp.GetRequiredService<ManagedChatDirectory>().CheckRightsAsync(scenario.Store.BotId, scenario.ChannelId, CancellationToken.None));
        Assert.True(rights.Succeeded);
        Assert.True(rights.Value!.Ready);
        Assert.Equal(scenario.ChannelTitle, rights.Value.Title);
    }

    [Fact]
    public async Task A_bot_that_is_not_an_administrator_of_the_chat_is_told_what_is_missing()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Eta");
        var other = await app.Telegram.CreateBotAsync("eta_second_bot");
        var secondBot = await scenario.Store.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<BotRegistrationService>().RegisterAsync(other.Token, CancellationToken.None)).Value!.Id);

        var rights = await scenario.Store.WithScopeAsync(sp =>
            sp.GetRequiredService<ManagedChatDirectory>().CheckRightsAsync(secondBot, scenario.ChannelId, CancellationToken.None));

        Assert.False(rights.Value!.Ready);
        Assert.Equal([BotChatRights.MakeAdmin, BotChatRights.AllowInvite, BotChatRights.AllowBan], rights.Value.Missing);
        Assert.False(await scenario.Store.WithDbAsync(db => db.ManagedChats.AnyAsync(c => c.BotId == secondBot)));
    }

    [Fact]
    public async Task Saving_a_plan_asks_telegram_for_the_bots_rights_instead_of_trusting_a_stale_row()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Theta");
        await ChannelScenario.WaitUntilAsync(() => scenario.Store.WithDbAsync(db => db.ManagedChats.AnyAsync(c => c.TelegramChatId == scenario.ChannelId)),
            "the bot saw the channel");
        // What we stored says the bot lost its rights; in Telegram it is still an administrator with them.
        await scenario.Store.WithDbAsync(db => db.ManagedChats.Where(c => c.TelegramChatId == scenario.ChannelId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.BotIsAdmin, false).SetProperty(x => x.CanInviteUsers, false)));

        var saved = await scenario.Store.WithScopeAsync(sp => sp.GetRequiredService<PlanService>().CreateAsync(
            new ProductInput { Kind = ProductKind.Subscription, Title = "Theta plus", Description = "", PriceStars = 20, State = ProductState.Published },
            new PlanInput { GrantChats = [scenario.ChannelId] }, CancellationToken.None));

        Assert.True(saved.Succeeded, saved.ToString());
        Assert.True(await scenario.Store.WithDbAsync(db => db.ManagedChats.AnyAsync(c => c.TelegramChatId == scenario.ChannelId && c.BotIsAdmin
            && c.CanInviteUsers)));
    }
}
