using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.Files;

/// <summary>Stored goods and the signed download links to them.</summary>
public static class FilesServiceCollectionExtensions
{
    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DownloadTokenOptions>()
            .Bind(configuration.GetSection("Downloads"))
            .Validate<IHostEnvironment>(
                (options, environment) =>
                    !string.IsNullOrEmpty(options.SigningKey) || environment.IsDevelopment() || environment.IsEnvironment("Testing"),
                "Downloads:SigningKey is not set: base64 of at least 32 random bytes, the same on every replica (download links are signed with it).")
            .ValidateOnStart();
        services.AddSingleton<DownloadTokens>();
        services.AddOptions<FileStorageOptions>().Bind(configuration.GetSection("Files"));
        services.AddSingleton<IFileStorage, LocalFileStorage>();
        services.AddScoped<FileUploadService>();
        services.AddScoped<DownloadLinkFactory>();
        return services;
    }
}
