using Platform.TelegramSandbox.Channels;
using Platform.TelegramSandbox.Model;

namespace Platform.TelegramSandbox.Control;

/// <summary>Channels with a bot as administrator, joining by invite link, leaving, listing members.</summary>
internal static class ChannelEndpoints
{
    internal sealed record CreateChannel(string? Title, string? Username, long BotId);
    internal sealed record Join(string? InviteLink);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/channels", (CreateChannel body, SandboxStore store) =>
        {
            if (string.IsNullOrWhiteSpace(body.Title)) return ControlEndpoints.BadRequest("title is required");
            lock (store.Sync)
            {
                if (!store.Data.Bots.TryGetValue(body.BotId, out var bot)) return ControlEndpoints.NotFound("bot");
                var channel = ChannelMembership.Create(store, body.Title, body.Username, bot);
                return Results.Json(new { channel.Id, channel.Title, channel.Username, admin_bot_ids = channel.AdminBotIds }, statusCode: 201);
            }
        });
        api.MapGet("/channels", (SandboxStore store) =>
        {
            lock (store.Sync)
                return Results.Json(store.Data.Channels.Values.Select(c => new
                {
                    c.Id,
                    c.Title,
                    c.Username,
                    admin_bot_ids = c.AdminBotIds,
                    star_balance = c.StarBalance,
                    invite_links = c.InviteLinks.Select(l => new { l.Link, l.Name, l.IsRevoked, l.SubscriptionPrice, l.CreatesJoinRequest }),
                }).ToList());
        });
        api.MapGet("/channels/{chatId:long}/members", (long chatId, SandboxStore store) =>
        {
            lock (store.Sync)
            {
                if (!store.Data.Channels.TryGetValue(chatId, out var channel)) return ControlEndpoints.NotFound("channel");
                var admins = channel.AdminBotIds.Select(id => new { user_id = id, status = "administrator", until_date = (long?)null, is_bot = true });
                var members = channel.Members.Where(m => m.Value.Status == "member")
                    .Select(m => new { user_id = m.Key, status = m.Value.Status, until_date = m.Value.UntilDate?.ToUnixTimeSeconds(), is_bot = false });
                return Results.Json(new { channel.Id, channel.Title, star_balance = channel.StarBalance, members = admins.Concat(members).ToList() });
            }
        });
        api.MapPost("/users/{userId:long}/joins", (long userId, Join body, SandboxStore store) =>
        {
            lock (store.Sync)
            {
                if (!store.Data.Users.TryGetValue(userId, out var user)) return ControlEndpoints.NotFound("user");
                var outcome = ChannelMembership.Join(store, user, body.InviteLink ?? "");
                return Results.Json(new { outcome, stars = user.Stars }, statusCode: outcome is JoinOutcome.Joined ? 201 : outcome is JoinOutcome.NotFound
                    ? 404 : 200);
            }
        });
        api.MapPost("/users/{userId:long}/channels/{chatId:long}/leave", (long userId, long chatId, SandboxStore store) =>
        {
            lock (store.Sync)
            {
                if (!store.Data.Users.TryGetValue(userId, out var user) || !store.Data.Channels.ContainsKey(chatId)) return ControlEndpoints.NotFound(
                    "user or channel");
                ChannelMembership.Remove(store, chatId, user, "left");
                return Results.Json(new { status = "left" });
            }
        });
    }
}
