using Platform.TelegramSandbox.Model;

namespace Platform.TelegramSandbox.Control;

/// <summary>Simulated buyers and their Star balances.</summary>
internal static class UserEndpoints
{
    internal sealed record CreateUser(string? FirstName, string? LastName, string? Username, string? LanguageCode, long Stars);
    internal sealed record TopUp(long Amount);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("", (CreateUser body, SandboxStore store, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(body.FirstName)) return ControlEndpoints.BadRequest("first_name is required");
            if (body.Stars < 0) return ControlEndpoints.BadRequest("stars must not be negative");
            lock (store.Sync)
            {
                var user = new UserRecord
                {
                    Id = store.Data.NextUserId++,
                    FirstName = body.FirstName.Trim(),
                    LastName = body.LastName,
                    Username = body.Username,
                    LanguageCode = body.LanguageCode ?? "en",
                    Stars = body.Stars,
                    Scope = ScopedAccess.Of(http),
                };
                store.Data.Users[user.Id] = user;
                store.Dirty = true;
                return Results.Json(user, statusCode: 201);
            }
        }).WithMetadata(ScopedAccess.Allowed);
        group.MapGet("", (SandboxStore store, HttpContext http) =>
        {
            var scope = ScopedAccess.Of(http);
            lock (store.Sync) return Results.Json(store.Data.Users.Values.Where(u => ScopedAccess.Sees(scope, u.Scope)).ToList());
        }).WithMetadata(ScopedAccess.Allowed);
        group.MapGet("/{userId:long}", (long userId, SandboxStore store) =>
        {
            lock (store.Sync)
                return store.Data.Users.TryGetValue(userId, out var user) ? Results.Json(user) : ControlEndpoints.NotFound("user");
        }).WithMetadata(ScopedAccess.Allowed);
        group.MapPost("/{userId:long}/stars", (long userId, TopUp body, SandboxStore store) =>
        {
            if (body.Amount < 1) return ControlEndpoints.BadRequest("amount must be positive");
            lock (store.Sync)
            {
                if (!store.Data.Users.TryGetValue(userId, out var user)) return ControlEndpoints.NotFound("user");
                user.Stars += body.Amount;
                store.Dirty = true;
                return Results.Json(user);
            }
        }).WithMetadata(ScopedAccess.Allowed);
    }
}
