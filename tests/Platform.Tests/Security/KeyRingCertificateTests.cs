using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Tests.Infrastructure;
using Platform.Worker;

namespace Platform.Tests.Security;

/// <summary>
/// Production protects the Data Protection key ring with the configured certificate: the XML in PostgreSQL is
/// encrypted, the worker (same settings) reads what the web host wrote, and a rotated-out certificate listed under
/// PreviousCertificates keeps old keys readable.
/// </summary>
public sealed class KeyRingCertificateTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    private const string Purpose = "Starfront.Tests.KeyRing";

    [Fact]
    public async Task In_production_the_stored_key_ring_is_encrypted_with_the_certificate_and_secrets_round_trip()
    {
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        var secret = protector.Protect("123456:bot-token");

        Assert.Equal("123456:bot-token", protector.Unprotect(secret));
        var keys = await StoredKeysAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal); // the raw key element is only inside the ciphertext
        });
    }

    [Fact]
    public void The_worker_with_the_same_certificate_unprotects_what_the_web_host_protected()
    {
        var secret = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("webhook-secret");

        using var worker = ProductionWorker(app.KeyRingCertificate);

        Assert.Equal("webhook-secret", worker.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(secret));
    }

    [Fact]
    public void After_a_rotation_old_secrets_stay_readable_only_while_the_old_certificate_is_listed_as_previous()
    {
        var secret = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("old-secret");
        var next = TestCertificates.SelfSignedPfx("CN=Starfront key ring next");

        using (var rotated = ProductionWorker(next, previous: app.KeyRingCertificate))
        {
            Assert.Equal("old-secret", rotated.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(secret));
        }

        using var forgetful = ProductionWorker(next);
        Assert.ThrowsAny<CryptographicException>(() =>
            forgetful.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(secret));
    }

    [Fact]
    public void The_worker_in_production_without_a_key_ring_certificate_fails_its_start_validation_naming_the_setting()
    {
        using var worker = WorkerHost.Build([], builder =>
        {
            builder.Environment.EnvironmentName = Environments.Production;
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Platform"] = app.Database.AppConnectionString });
        });

        // What Host.StartAsync runs first; not starting the host keeps its Hangfire server (and Hangfire's process-wide
        // logger, which would outlive this host) out of the picture.
        var error = Assert.ThrowsAny<Exception>(() => worker.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("DataProtection:Certificate is not configured", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A Production worker host on the fixture's database, built (not started): enough to resolve its key ring.</summary>
    private IHost ProductionWorker(string certificate, string? previous = null) =>
        WorkerHost.Build([], builder =>
        {
            builder.Environment.EnvironmentName = Environments.Production;
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Platform"] = app.Database.AppConnectionString,
                ["DataProtection:Certificate"] = certificate,
                ["DataProtection:CertificatePassword"] = TestCertificates.Password,
            };
            if (previous is not null)
            {
                settings["DataProtection:PreviousCertificates:0:Certificate"] = previous;
                settings["DataProtection:PreviousCertificates:0:Password"] = TestCertificates.Password;
            }

            builder.Configuration.AddInMemoryCollection(settings);
        });

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Xml" FROM "DataProtectionKeys" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
