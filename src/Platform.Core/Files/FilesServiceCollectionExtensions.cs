using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Core.Files;

/// <summary>Stored goods (on local disk or in an S3-compatible bucket, <c>Files:Provider</c>) and the signed download links to them.</summary>
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
        services.AddOptions<FileStorageOptions>().Bind(configuration.GetSection("Files")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FileStorageOptions>, FileStorageOptionsValidator>();
        // The provider is read when storage is first needed (not here), so a host's late settings still count.
        services.AddSingleton<IAmazonS3>(sp => S3ClientFactory.Create(sp.GetRequiredService<IOptions<FileStorageOptions>>().Value.S3));
        services.AddSingleton<IFileStorage>(sp => sp.GetRequiredService<IOptions<FileStorageOptions>>().Value.Provider == FileStorageProvider.S3
            ? ActivatorUtilities.CreateInstance<S3FileStorage>(sp)
            : ActivatorUtilities.CreateInstance<LocalFileStorage>(sp));
        services.AddScoped<FileUploadService>();
        services.AddScoped<DownloadLinkFactory>();
        return services;
    }
}
