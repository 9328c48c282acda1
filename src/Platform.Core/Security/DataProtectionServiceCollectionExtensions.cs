using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.Security;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// One key ring in PostgreSQL for web and workers (the worker decrypts webhook secrets and bot tokens the portal
    /// encrypted), encrypted at rest with the configured certificate; previous certificates still decrypt older keys.
    /// </summary>
    public static IServiceCollection AddPlatformDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DataProtectionKeyOptions.Section);
        services.AddOptions<DataProtectionKeyOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataProtectionKeyOptions>>(sp =>
        {
            var environment = sp.GetRequiredService<IHostEnvironment>();
            return new DataProtectionKeyOptionsValidator(environment.IsDevelopment() || environment.IsEnvironment("Testing"));
        });

        var builder = services.AddDataProtection().SetApplicationName("Starfront").PersistKeysToDbContext<PlatformDbContext>();

        // The framework takes certificate instances at registration, so they are loaded here. A bad setting is not
        // thrown here: the validator reports it, naming the setting, when the host starts (`migrate` never needs it).
        var settings = section.Get<DataProtectionKeyOptions>() ?? new DataProtectionKeyOptions();
        if (TryLoad(settings.Certificate, settings.CertificatePassword) is { } current)
        {
            builder.ProtectKeysWithCertificate(current); // also registers it for decryption
        }

        var previous = settings.PreviousCertificates.Select(p => TryLoad(p.Certificate, p.Password)).OfType<X509Certificate2>().ToArray();
        if (previous.Length > 0)
        {
            builder.UnprotectKeysWithAnyCertificate(previous);
        }

        return services;
    }

    private static X509Certificate2? TryLoad(string? value, string? password)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            return CertificateSource.Load(DataProtectionKeyOptions.Section, value, password);
        }
        catch (Exception ex) when (ex is InvalidOperationException or CryptographicException)
        {
            return null;
        }
    }
}
