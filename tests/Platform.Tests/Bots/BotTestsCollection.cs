namespace Platform.Tests.Bots;

/// <summary>
/// The bot tests each run a web host, a job server and a sandbox that deliver messages with real timing. On two
/// cores, sharing the machine with every other test class made them miss their 60 s message waits, so this
/// collection runs alone, after the parallel ones.
/// </summary>
[CollectionDefinition(BotTests.Collection, DisableParallelization = true)]
public sealed class BotTestsCollection;
