namespace Platform.TelegramSandbox.ChatPage;

internal static class ChatPageHtml
{
    public const string Page = "<!doctype html><title>Sandbox</title>";
}
