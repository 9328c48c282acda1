using Platform.Tests.Bots;

namespace Platform.Tests.Ledger;

/// <summary>
/// The bot test host (web, in-process job server, sandbox on real time) with the recurring reconciliation moved out of
/// the way (once a year), so the tests' own passes are the only ones that run.
/// </summary>
public sealed class ReconciliationAppFactory : BotAppFactory
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Ledger:ReconciliationSchedule"] = "0 3 1 1 *";
    }
}
