using Platform.Core;
using Platform.Core.Jobs;

namespace Platform.Worker;

/// <summary>Builds the job server host; tests build it too, with their own settings.</summary>
public static class WorkerHost
{
    public static IHost Build(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        configure?.Invoke(builder);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders().AddJsonConsole();
        }

        builder.Services.AddPlatformCore(builder.Configuration);
        var connectionString = builder.Configuration.GetConnectionString("Platform")
            ?? throw new InvalidOperationException("ConnectionStrings:Platform is not set. The worker needs the app role's PostgreSQL connection string.");
        builder.Services.AddPlatformJobStorage(connectionString);
        builder.Services.AddSingleton<IPublicBaseUrl, ConfiguredPublicBaseUrl>();
        builder.Services.AddPlatformJobServer($"worker:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");
        return builder.Build();
    }
}
