namespace Platform.TelegramSandbox.ChatPage;

/// <summary>The people-facing chat page at /sandbox: one static HTML page driving the control API.</summary>
internal static class ChatPageEndpoints
{
    public static void MapChatPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox", () => Results.Content(ChatPageHtml.Page, "text/html; charset=utf-8"));
        app.MapGet("/", () => Results.Redirect("/sandbox"));
    }
}
