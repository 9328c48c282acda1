using Platform.Tests.Events;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Architecture;

/// <summary>
/// The line width of the house style (.editorconfig: max_line_length = 160), checked: dotnet format does not wrap long
/// lines, so this test does. It reads the C# sources under src/, tests/ and bench/ as committed (not bin/, obj/ or the
/// generated Migrations). A few lines sit inside raw string literals whose text is the point (SQL, JSON, a page's
/// script); wrapping them would change that text, so they are listed below with the reason.
/// </summary>
public sealed class SourceLayoutShould
{
    private const int MaxLineLength = 160;

    private static readonly string[] Roots = ["src", "tests", "bench"];

    private static readonly string[] SkippedFolders = ["bin", "obj", "Migrations"];

    /// <summary>Lines allowed to run long: file, how the line starts (trimmed), and why it is left as it is.</summary>
    private static readonly (string File, string LineStart, string Reason)[] Allowed =
    [
        ("src/Platform.TelegramSandbox/ChatPage/ChatPageHtml.cs", "if (m.document) {", "the chat page's script, served as written"),
        ("src/Platform.Core/Orders/CustomerDirectory.cs", "VALUES ({Guid.CreateVersion7(now)}", "SQL in a raw FormattableString (parameters)"),
        ("src/Platform.Core/Webhooks/WebhookDeliveryStore.cs", "INSERT INTO \"WebhookAttempts\"", "SQL in a raw string literal"),
        ("src/Platform.Core/Webhooks/WebhookDispatcher.cs", "INSERT INTO \"WebhookDeliveries\"", "SQL in a raw string literal"),
        ("tests/Platform.Tests/Bots/StoreCommandsTests.cs", "\"chat\":{\"id\":{{{buyer.UserId}}}", "an update's JSON in a raw string literal"),
        ("bench/Platform.Bench/CheckoutRush.cs", "JOIN \"InboxUpdates\" i ON convert_from(", "SQL in a raw string literal"),
    ];

    [Fact]
    public void Keep_every_line_of_CSharp_within_160_characters()
    {
        var root = RepositoryPaths.PathOf();
        var tooLong = new List<string>();
        foreach (var file in Roots.SelectMany(r => Directory.EnumerateFiles(Path.Combine(root, r), "*.cs", SearchOption.AllDirectories)))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => SkippedFolders.Contains(part, StringComparer.Ordinal)))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > MaxLineLength && !IsAllowed(relative, lines[i]))
                {
                    tooLong.Add($"{relative}:{i + 1} ({lines[i].Length} characters)");
                }
            }
        }

        Assert.True(tooLong.Count == 0, $"Lines over {MaxLineLength} characters (wrap them):\n" + string.Join("\n", tooLong));
    }

    private static bool IsAllowed(string file, string line) =>
        Allowed.Any(a => a.File == file && line.TrimStart().StartsWith(a.LineStart, StringComparison.Ordinal));
}
