extern alias Sandbox;

using System.Diagnostics;
using Platform.Tests.Bots;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Replicas;

/// <summary>
/// Two Platform.Web and two Platform.Worker OS processes, all non-Development (Production) on one PostgreSQL, one Telegram
/// sandbox and one files folder, configured as a cluster would be: the same OpenIddict signing and encryption
/// certificates, the same Data Protection key-ring certificate (the key ring itself is in the database), the same
/// download signing key and public address. This test process hosts the sandbox and an in-process web without a job
/// server, used only as the platform admins' console (sign-up, bot registration, suspension) — it receives no update:
/// the bots' webhooks name web A (<see cref="Webs"/>[0]), as they would name the load balancer.
/// </summary>
public sealed class ReplicasCluster : BotAppFactory
{
    private readonly int[] webPorts = [LoopbackPort.Free(), LoopbackPort.Free()];
    private readonly List<ReplicasProcess> workers = [];
    private readonly string signing = TestCertificates.SelfSignedPfx("CN=Starfront replicas signing");
    private readonly string encryption = TestCertificates.SelfSignedPfx("CN=Starfront replicas encryption");
    private readonly string keyRing = TestCertificates.SelfSignedPfx("CN=Starfront replicas key ring");

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public IReadOnlyList<ReplicasProcess> Webs { get; private set; } = [];

    public IReadOnlyList<ReplicasProcess> Workers => workers;

    public IReadOnlyList<Uri> WebAddresses => webPorts.Select(p => new Uri($"http://127.0.0.1:{p}/")).ToList();

    /// <summary>How long the four processes took to be ready (printed by the test).</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>
    /// The sandbox's per-bot flood limit here (Telegram's is 30/s with a burst of 30). Lower than Telegram's so that two
    /// workers on a loaded two-core machine can still outrun it when each paces on its own (the control); the arithmetic
    /// is the same at any rate.
    /// </summary>
    public const double SandboxPerBotPerSecond = 6;

    /// <summary>
    /// One second of tolerance, as Telegram's 30/s with a burst of 30: a message reserved on time can reach the sandbox late
    /// (a worker starved of CPU for a moment) and bunch with the next. A burst of 3 drew 5 such 429s out of 150 in CI.
    /// The control still exceeds it: two workers pacing on their own send 10/s for seconds.
    /// </summary>
    public const int SandboxPerBotBurst = 6;

    /// <summary>The workers' own pace for a bot: under the sandbox's, with no burst (see <see cref="StartWorkersAsync"/>).</summary>
    public const double WorkerPerBotPerSecond = 5;

    protected override bool RunJobServerInWeb => false;

    protected override void ConfigureSandbox(Sandbox::Platform.TelegramSandbox.SandboxHostOptions options) => options.Configure = o =>
    {
        o.RateLimits.PerBotPerSecond = SandboxPerBotPerSecond;
        o.RateLimits.PerBotBurst = SandboxPerBotBurst;
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var started = Clock.Elapsed;
        Webs = [StartWeb("web A", webPorts[0]), StartWeb("web B", webPorts[1])];
        await StartWorkersAsync(sharedGate: true);
        await Task.WhenAll(Webs.Select((_, i) => WaitReadyAsync(i)));
        StartedIn = Clock.Elapsed - started;
    }

    /// <summary>Starts two workers (after killing any running): with the shared send gate, or each on its own gates.</summary>
    public async Task StartWorkersAsync(bool sharedGate)
    {
        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }

        workers.Clear();
        var at = Clock.Elapsed;
        var settings = Common();
        settings["Telegram:SharedSendGate"] = sharedGate ? "true" : "false";
        // Under the sandbox's limit with no burst: a message reserved on time can reach the sandbox late — a worker starved
        // of CPU for a moment on a loaded machine — and bunch with the next; the margin absorbs that jitter.
        settings["Telegram:PerBotMessagesPerSecond"] = WorkerPerBotPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Telegram:PerBotBurst"] = "1";
        workers.Add(ReplicasProcess.Start("worker 1", "Platform.Worker", "Production", settings, Clock));
        workers.Add(ReplicasProcess.Start("worker 2", "Platform.Worker", "Production", settings, Clock));
        await Task.WhenAll(workers.Select(w => w.WaitForLineAsync("Application started", at, TimeSpan.FromSeconds(90))));
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Platform:PublicBaseUrl"] = WebAddresses[0].ToString();
        settings["DataProtection:Certificate"] = keyRing;
        settings["DataProtection:CertificatePassword"] = TestCertificates.Password;
    }

    private ReplicasProcess StartWeb(string name, int port)
    {
        var settings = Common();
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["OpenIddict:SigningCertificate"] = signing;
        settings["OpenIddict:SigningCertificatePassword"] = TestCertificates.Password;
        settings["OpenIddict:EncryptionCertificate"] = encryption;
        settings["OpenIddict:EncryptionCertificatePassword"] = TestCertificates.Password;
        settings["OpenIddict:Issuer"] = "https://starfront.replicas.test/"; // one issuer for the cluster, as behind one host name
        settings["AllowedHosts"] = "127.0.0.1";
        settings["Jobs:RunServerInWeb"] = "false";
        settings["RateLimits:AuthPermitLimit"] = "100000";
        return ReplicasProcess.Start(name, "Platform.Web", "Production", settings, Clock);
    }

    /// <summary>What every replica shares: the database (app role), Telegram, files, keys and the public address.</summary>
    private Dictionary<string, string> Common() => new()
    {
        ["ConnectionStrings:Platform"] = Database.AppConnectionString,
        ["Telegram:BaseUrl"] = Sandbox.BaseUrl.ToString().TrimEnd('/'),
        ["Files:Root"] = FilesRoot,
        ["Downloads:SigningKey"] = SigningKey,
        ["Platform:PublicBaseUrl"] = WebAddresses[0].ToString(),
        ["DataProtection:Certificate"] = keyRing,
        ["DataProtection:CertificatePassword"] = TestCertificates.Password,
    };

    private async Task WaitReadyAsync(int web)
    {
        using var http = new HttpClient { BaseAddress = WebAddresses[web], Timeout = TimeSpan.FromSeconds(5) };
        var giveUp = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            if (Webs[web].HasExited || giveUp.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new InvalidOperationException($"{Webs[web].Name} never became ready. Its last lines:\n{Webs[web].Tail()}");
            }

            await Task.Delay(100);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var process in Webs.Concat(workers))
        {
            await process.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
