using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Identity;

namespace Platform.Web.Commands;

/// <summary>
/// One-shot commands of the web executable: <c>migrate</c> (the explicit Production migration step) and
/// <c>admin create --email … [--password …]</c>,
/// <c>seed-scale</c> (see <see cref="Scale.ScaleSeedCommand"/>). Each runs against the built app's services and exits.
/// </summary>
public static class PlatformCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0)
        {
            return false;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Commands");
        switch (args[0])
        {
            case "migrate":
                await MigrateAsync(app.Services, logger, CancellationToken.None);
                return true;
            case "admin" when args.Length > 1 && args[1] == "create":
                var email = ValueOf(args, "--email") ?? throw new ArgumentException("admin create needs --email <address>.");
                var password = ValueOf(args, "--password") ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<PlatformAdminService>().EnsureAdminAsync(email, password, CancellationToken.None);
                }

                Console.WriteLine($"Platform admin {email} is ready. Password: {(ValueOf(args, "--password") is null ? password : "(as given)")}");
                return true;
            case "seed-scale":
                await Scale.ScaleSeedCommand.RunAsync(app, args, logger, CancellationToken.None);
                return true;
            default:
                return false;
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<PlatformDatabaseOptions>>().Value;
        var owner = options.PlatformMigrations
            ?? throw new InvalidOperationException("ConnectionStrings:PlatformMigrations (the table owner role) is needed to migrate.");
        await DatabaseMigrator.MigrateAsync(owner, options.Platform, logger, cancellationToken);
    }

    private static string? ValueOf(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
