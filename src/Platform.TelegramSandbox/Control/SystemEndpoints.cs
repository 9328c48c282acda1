using Platform.TelegramSandbox.Model;

namespace Platform.TelegramSandbox.Control;

/// <summary>The sandbox clock, file downloads for buyers, and reset.</summary>
internal static class SystemEndpoints
{
    internal sealed record Advance(long Seconds);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/clock", (SandboxStore store) => Clock(store.Now)).WithMetadata(ScopedAccess.Allowed);
        api.MapPost("/clock/advance", (Advance body, SandboxStore store) =>
            body.Seconds < 0 ? ControlEndpoints.BadRequest("seconds must not be negative")
                : Clock(DueEvents.Advance(store, TimeSpan.FromSeconds(body.Seconds))));
        api.MapGet("/files/{fileId}", (string fileId, SandboxStore store) =>
        {
            lock (store.Sync)
                return store.Data.Files.TryGetValue(fileId, out var file)
                    ? Results.File(file.Content, file.MimeType ?? "application/octet-stream", file.FileName ?? Path.GetFileName(file.FilePath))
                    : ControlEndpoints.NotFound("file");
        }).WithMetadata(ScopedAccess.Allowed);
        api.MapPost("/reset", (SandboxStore store) =>
        {
            lock (store.Sync)
            {
                store.Data = new SandboxData();
                store.Dirty = true;
            }
            store.Changed.Pulse();
            return Results.Json(new { reset = true });
        });
    }

    private static IResult Clock(DateTimeOffset now) => Results.Json(new { now = now.ToUnixTimeSeconds(), iso = now.ToString("O") });
}
