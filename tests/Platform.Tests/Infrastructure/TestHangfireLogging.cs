using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// Hangfire logs through one process-wide log provider, which each host points at its own LoggerFactory when it first
/// resolves Hangfire's configuration. In a test run hosts come and go: a class whose host resolves its job client late
/// found the provider pointing at a disposed host's factory (ObjectDisposedException: LoggerFactory, in a request or in
/// Hangfire's static filter list, which then stays broken for the whole run). Here every host, right after configuring
/// Hangfire, points it at one factory that lives as long as the test process. (Production has one host per process.)
/// </summary>
internal static class TestHangfireLogging
{
    private static readonly AspNetCoreLogProvider Provider = new(NullLoggerFactory.Instance);

    public static void KeepProcessWide(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IGlobalConfiguration) && d.ImplementationFactory is not null);
        if (original is null)
        {
            return;
        }

        services.Remove(original);
        services.AddSingleton(sp =>
        {
            var configuration = (IGlobalConfiguration)original.ImplementationFactory!(sp);
            configuration.UseLogProvider(Provider);
            return configuration;
        });
    }
}
