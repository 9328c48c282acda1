using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.Core.Files;
using Platform.Tests.Events;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Files;

/// <summary>
/// A real S3 API for the storage tests: npm's s3rver 3.7.1 as a child process on a free loopback port, with one bucket,
/// data in a temporary folder, killed on dispose. <c>.ci/run</c> installs it under <c>.tools/</c>; the environment
/// variable <c>STARFRONT_S3RVER</c> may point at another <c>bin/s3rver.js</c>. Missing, it fails the tests (never skips).
/// </summary>
public sealed class StorageS3rver : IAsyncLifetime
{
    public const string Bucket = "starfront-goods";

    /// <summary>s3rver's built-in account (its only one): not a secret.</summary>
    public const string AccessKey = "S3RVER";

    private Process? process;
    private string? dataDirectory;

    public Uri ServiceUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var script = Environment.GetEnvironmentVariable("STARFRONT_S3RVER") is { Length: > 0 } configured
            ? configured
            : RepositoryPaths.PathOf(".tools", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"s3rver is not installed at {script}. Run `npm install --prefix .tools s3rver@3.7.1 --no-audit --no-fund` in the repository " +
                "(.ci/run does), or set STARFRONT_S3RVER to its bin/s3rver.js.");
        }

        var data = dataDirectory = Path.Combine(Path.GetTempPath(), "starfront-s3rver-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        var port = LoopbackPort.Free();
        var info = new ProcessStartInfo("node",
            [script, "-d", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-a", "127.0.0.1", "-s",
                "--configure-bucket", Bucket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var errors = new StringBuilder();
        var started = process = Process.Start(info) ?? throw new InvalidOperationException("node did not start (is Node.js installed?).");
        started.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        started.OutputDataReceived += (_, _) => { };
        started.BeginErrorReadLine();
        started.BeginOutputReadLine();
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await ListensAsync(port))
        {
            if (started.HasExited || DateTime.UtcNow > deadline)
            {
                await DisposeAsync();
                lock (errors)
                {
                    throw new InvalidOperationException($"s3rver did not start listening on port {port}: {errors}");
                }
            }

            await Task.Delay(50);
        }
    }

    /// <summary><c>Files:S3</c> pointing at this server (path-style, its account), with an isolating key prefix.</summary>
    public S3StorageOptions Options(string keyPrefix, long thresholdBytes = 5 * S3StorageOptions.MiB) => new()
    {
        ServiceUrl = ServiceUrl.ToString().TrimEnd('/'),
        Region = "us-east-1",
        Bucket = Bucket,
        ForcePathStyle = true,
        AccessKeyId = AccessKey,
        SecretAccessKey = AccessKey,
        KeyPrefix = keyPrefix,
        MultipartThresholdBytes = thresholdBytes,
        MultipartPartSizeBytes = 5 * S3StorageOptions.MiB,
    };

    /// <summary>The same as host settings (<c>Files:Provider = S3</c> and <c>Files:S3:*</c>).</summary>
    public void AddSettings(IDictionary<string, string?> settings, string keyPrefix, FileDownloadMode mode)
    {
        var options = Options(keyPrefix);
        settings["Files:Provider"] = "S3";
        settings["Files:S3:ServiceUrl"] = options.ServiceUrl;
        settings["Files:S3:Region"] = options.Region;
        settings["Files:S3:Bucket"] = options.Bucket;
        settings["Files:S3:ForcePathStyle"] = "true";
        settings["Files:S3:AccessKeyId"] = options.AccessKeyId;
        settings["Files:S3:SecretAccessKey"] = options.SecretAccessKey;
        settings["Files:S3:KeyPrefix"] = keyPrefix;
        settings["Files:S3:ServerSideEncryption"] = "AES256";
        settings["Files:S3:MultipartThresholdBytes"] = (5 * S3StorageOptions.MiB).ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Files:S3:MultipartPartSizeBytes"] = (5 * S3StorageOptions.MiB).ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Files:S3:DownloadMode"] = mode.ToString();
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
            process = null;
        }

        try
        {
            if (dataDirectory is not null && Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // best effort
        }
    }


    private static async Task<bool> ListensAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
