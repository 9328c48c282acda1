using Platform.Web.Commands;
using Platform.Web.Extensions;
using Platform.Web.LocalRun;

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
