using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Core.Files;

namespace Platform.Tests.Files;

/// <summary>Section <c>Files</c> is checked at start: a half-configured bucket stops the host, and no message repeats a secret.</summary>
public sealed class FileStorageOptionsShould
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static Dictionary<string, string?> S3(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Files:Provider"] = "S3",
            ["Files:S3:Bucket"] = "goods",
            ["Files:S3:Region"] = "eu-central-1",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static (FileStorageOptions? Options, string? Error) Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Testing" });
        services.AddLogging();
        services.AddFiles(configuration);
        using var provider = services.BuildServiceProvider();
        try
        {
            return (provider.GetRequiredService<IOptions<FileStorageOptions>>().Value, null);
        }
        catch (OptionsValidationException e)
        {
            return (null, e.Message);
        }
    }

    [Fact]
    public void Default_to_local_disk_with_nothing_set()
    {
        var (options, error) = Resolve([]);
        Assert.Null(error);
        Assert.Equal(FileStorageProvider.Local, options!.Provider);
    }

    [Fact]
    public void Bind_every_S3_setting_by_its_documented_name()
    {
        var (options, error) = Resolve(S3(
            ("Files:S3:ServiceUrl", "https://minio.internal:9000"), ("Files:S3:ForcePathStyle", "true"),
            ("Files:S3:AccessKeyId", "AKIAEXAMPLE"), ("Files:S3:SecretAccessKey", Secret), ("Files:S3:ServerSideEncryption", "aws:kms"),
            ("Files:S3:KmsKeyId", "alias/goods"), ("Files:S3:KeyPrefix", "prod"), ("Files:S3:MultipartThresholdBytes", "10485760"),
            ("Files:S3:MultipartPartSizeBytes", "8388608"), ("Files:S3:DownloadMode", "PresignedRedirect"),
            ("Files:S3:PresignedUrlLifetime", "00:02:00")));
        Assert.Null(error);
        var s3 = options!.S3;
        Assert.Equal((FileStorageProvider.S3, "goods", "eu-central-1", "https://minio.internal:9000", true),
            (options.Provider, s3.Bucket, s3.Region, s3.ServiceUrl, s3.ForcePathStyle));
        Assert.Equal(("AKIAEXAMPLE", Secret, "aws:kms", "alias/goods", "prod"),
            (s3.AccessKeyId, s3.SecretAccessKey, s3.ServerSideEncryption, s3.KmsKeyId, s3.KeyPrefix));
        Assert.Equal((10485760L, 8388608L, FileDownloadMode.PresignedRedirect, TimeSpan.FromMinutes(2)),
            (s3.MultipartThresholdBytes, s3.MultipartPartSizeBytes, s3.DownloadMode, s3.PresignedUrlLifetime));
    }

    [Fact]
    public void Default_to_streamed_downloads_a_64_MiB_threshold_and_five_minute_presigned_URLs()
    {
        var s3 = Resolve(S3()).Options!.S3;
        Assert.Equal((FileDownloadMode.Stream, 64L * 1024 * 1024, TimeSpan.FromMinutes(5), "None"),
            (s3.DownloadMode, s3.MultipartThresholdBytes, s3.PresignedUrlLifetime, s3.ServerSideEncryption));
    }

    [Theory]
    [InlineData("Files:S3:Bucket", "", "Files:S3:Bucket is required")]
    [InlineData("Files:S3:ServerSideEncryption", "aws:kms:dsse", "must be None, AES256 or aws:kms")]
    [InlineData("Files:S3:KmsKeyId", "alias/goods", "only used with Files:S3:ServerSideEncryption = aws:kms")]
    [InlineData("Files:S3:ServiceUrl", "minio:9000", "absolute http(s) URL")]
    [InlineData("Files:S3:MultipartThresholdBytes", "1024", "MultipartThresholdBytes must be between 5 MiB and 1 GiB")]
    [InlineData("Files:S3:MultipartPartSizeBytes", "1073741824", "MultipartPartSizeBytes must be between 5 MiB and 512 MiB")]
    [InlineData("Files:S3:PresignedUrlLifetime", "8.00:00:00", "PresignedUrlLifetime must be between 1 second and 7 days")]
    [InlineData("Files:S3:KeyPrefix", "/abs", "KeyPrefix must be a relative key prefix")]
    public void Refuse_a_bad_S3_setting_by_name(string key, string value, string message)
    {
        var (_, error) = Resolve(S3((key, value)));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_one_key_without_the_other_without_repeating_it()
    {
        var (_, error) = Resolve(S3(("Files:S3:SecretAccessKey", Secret)));
        Assert.Contains("AccessKeyId and Files:S3:SecretAccessKey go together", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignore_S3_settings_while_the_provider_is_local()
    {
        var (options, error) = Resolve(new Dictionary<string, string?> { ["Files:S3:KmsKeyId"] = "stray", ["Files:S3:Bucket"] = "" });
        Assert.Null(error);
        Assert.Equal(FileStorageProvider.Local, options!.Provider);
    }

    [Fact]
    public void Pick_S3_storage_when_the_provider_says_so()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(S3()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Testing" });
        services.AddLogging();
        services.AddFiles(configuration);
        using var provider = services.BuildServiceProvider();
        Assert.IsType<S3FileStorage>(provider.GetRequiredService<IFileStorage>());
    }
}
