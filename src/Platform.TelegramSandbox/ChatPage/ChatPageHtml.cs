namespace Platform.TelegramSandbox.ChatPage;

/// <summary>
/// The chat page's three files (<c>ChatPage/Assets</c>: HTML, stylesheet, script), embedded in the assembly so the
/// sandbox stays one self-contained host: no build step, no CDN, works offline and in headless Chromium. Kept as real
/// .html/.css/.js files rather than C# strings so they read and diff as what they are.
/// </summary>
internal static class ChatPageHtml
{
    public static string Page { get; } = Read("chat.html");

    public static string Style { get; } = Read("chat.css");

    public static string Script { get; } = Read("chat.js");

    private static string Read(string name)
    {
        using var stream = typeof(ChatPageHtml).Assembly.GetManifestResourceStream($"Platform.TelegramSandbox.ChatPage.Assets.{name}")
            ?? throw new InvalidOperationException($"The chat page's {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
