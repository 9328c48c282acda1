namespace Platform.Tests.Bots;

/// <summary>
/// The bot test classes run one after another: each starts a web host with a job server and a sandbox, and
/// side by side they would compete for the test cluster's connections and the two cores more than they test.
/// </summary>
public static class BotTests
{
    public const string Collection = "Bot runtime";
}
