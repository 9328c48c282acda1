using Platform.Core;
using Platform.Web.Commands;
using Platform.Web.Extensions;
using Platform.Web.LocalRun;

// The container image's HEALTHCHECK: probes this process's own /health/live without building a second host.
if (args is [HealthProbe.Command, ..])
{
    Environment.ExitCode = await HealthProbe.RunAsync(args, HealthProbe.WebDefault(Environment.GetEnvironmentVariable), Console.Out, CancellationToken.None);
    return;
}

var builder = WebApplication.CreateBuilder(args);
await builder.UseLocalDatabaseWhenUnconfiguredAsync();
await builder.UseLocalSandboxWhenUnconfiguredAsync();
builder.AddPlatformWeb();

var app = builder.Build();
if (await PlatformCommands.TryRunAsync(app, args))
{
    return;
}

app.UsePlatformWeb();
await app.PrepareLocalRunAsync();
await app.RunAsync();

/// <summary>Entry point; public for the test host.</summary>
public partial class Program;
