using Platform.Web.LocalRun;

namespace Platform.Tests.Operations;

public sealed class LocalSigningKeyTests
{
    [Fact]
    public void The_local_runs_signing_key_is_created_once_and_read_back_after_a_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "starfront-key-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, ".data", "download-signing-key");
        try
        {
            var first = LocalSigningKey.LoadOrCreate(path);
            var again = LocalSigningKey.LoadOrCreate(path);

            Assert.Equal(first, again);
            Assert.Equal(32, Convert.FromBase64String(first).Length);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
