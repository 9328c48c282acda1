namespace Platform.TelegramSandbox.ChatPage;

/// <summary>
/// The people-facing chat page at /sandbox with its stylesheet and script. The page itself holds nothing secret, so it is
/// open; everything it shows comes from the control API, whose guard decides what the caller may see.
/// </summary>
internal static class ChatPageEndpoints
{
    public static void MapChatPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox", () => Results.Content(ChatPageHtml.Page, "text/html; charset=utf-8"));
        app.MapGet("/sandbox/chat.css", () => Results.Content(ChatPageHtml.Style, "text/css; charset=utf-8"));
        app.MapGet("/sandbox/chat.js", () => Results.Content(ChatPageHtml.Script, "text/javascript; charset=utf-8"));
        app.MapGet("/", () => Results.Redirect("/sandbox"));
    }
}
