using Platform.TelegramSandbox.Hosting;
using Platform.TelegramSandbox.Time;

namespace Platform.TelegramSandbox;

/// <summary>How to start an in-process sandbox with <see cref="SandboxHost.StartAsync"/>.</summary>
public sealed class SandboxHostOptions
{
    /// <summary>Kestrel URLs; the default binds a free loopback port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Optional JSON file to load state from and save it to.</summary>
    public string? StateFile { get; set; }

    /// <summary>The clock; tests pass <see cref="SandboxClock.Frozen"/> and advance it through the control API.</summary>
    public SandboxClock? Clock { get; set; }

    /// <summary>Further tuning (rate limits, webhook timeout...).</summary>
    public Action<SandboxOptions>? Configure { get; set; }
}
