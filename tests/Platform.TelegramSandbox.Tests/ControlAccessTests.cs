using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using Platform.TelegramSandbox.Hosting;
using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;

namespace Platform.TelegramSandbox.Tests;

/// <summary>
/// The control API can move anyone's Stars and wipe everything: only this machine may use it unless an access token
/// is configured, a cross-site form can never fire a state-changing call, and the state file (every bot token) is the
/// owner's alone.
/// </summary>
public sealed class ControlAccessTests
{
    private const string Token = "a-long-enough-sandbox-access-token";

    [Fact]
    public async Task A_cross_site_form_cannot_reset_the_sandbox_or_change_anything_only_a_JSON_call_can()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 100);
        HttpContent[] forms =
        [
            new FormUrlEncodedContent([]),
            new StringContent("{}", Encoding.UTF8, "text/plain"),
            new MultipartFormDataContent { { new StringContent("250"), "amount" } },
        ];

        foreach (var form in forms)
        {
            using (form)
            {
                Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await sandbox.Control.PostAsync("sandbox/v1/reset", form)).StatusCode);
            }
        }

        using var noBody = await sandbox.Control.PostAsync($"sandbox/v1/users/{ann}/stars", null);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, noBody.StatusCode);
        Assert.Equal(100, await sandbox.StarsOfAsync(ann));
        await sandbox.PostAsync("sandbox/v1/reset", new { });
        Assert.Equal(0, (await sandbox.GetAsync("sandbox/v1/users")).GetArrayLength());
    }

    [Fact]
    public async Task From_another_machine_the_control_API_answers_403_unless_the_configured_access_token_is_sent()
    {
        if (NonLoopbackAddress() is not { } address)
        {
            return; // a machine with loopback only cannot call from elsewhere (CI runners and this box have one)
        }

        await using var open = await SandboxHost.StartAsync(new SandboxHostOptions { Urls = $"http://{address}:0" });
        await using var withToken = await SandboxHost.StartAsync(new SandboxHostOptions
        {
            Urls = $"http://{address}:0",
            Configure = o => o.AccessToken = Token,
        });
        using var http = new HttpClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri(open.BaseUrl, "sandbox/v1/users"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, new Uri(open.BaseUrl, "sandbox/v1/users"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri(withToken.BaseUrl, "sandbox/v1/users"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, new Uri(withToken.BaseUrl, "sandbox/v1/users"), Token + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, new Uri(withToken.BaseUrl, "sandbox/v1/users"), Token)).StatusCode);

        // The Bot API is not a control call: a bot's token is its key, as on Telegram.
        var create = new HttpRequestMessage(HttpMethod.Post, new Uri(withToken.BaseUrl, "sandbox/v1/bots"))
        {
            Content = new StringContent("""{"username":"far_bot"}""", Encoding.UTF8, "application/json"),
        };
        create.Headers.Add(LocalOnlyAccess.HeaderName, Token);
        using var created = await http.SendAsync(create);
        var token = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        var client = new TelegramBotClient(new TelegramBotClientOptions(token, withToken.BaseUrl.ToString().TrimEnd('/')));
        Assert.Equal("far_bot", (await client.GetMe()).Username);
    }

    [Fact]
    public void An_access_token_shorter_than_sixteen_characters_stops_the_sandbox_at_start()
    {
        var failure = Assert.ThrowsAny<Exception>(() => SandboxHost.StartAsync(new SandboxHostOptions { Configure = o => o.AccessToken = "short" }).GetAwaiter()
            .GetResult());
        Assert.Contains("Sandbox:AccessToken", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_file_is_written_owner_only_and_one_left_readable_is_made_owner_only_on_load()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes
        }

        var folder = Path.Combine(Path.GetTempPath(), $"sandbox-perm-{Guid.NewGuid():N}");
        var stateFile = Path.Combine(folder, "state", "sandbox.json");
        try
        {
            await using (var first = await TestSandbox.StartAsync(stateFile: stateFile))
            {
                await first.CreateBotAsync("secret_bot");
            }

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stateFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(stateFile)!));

            File.SetUnixFileMode(stateFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            await using (await TestSandbox.StartAsync(stateFile: stateFile))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stateFile));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, Uri url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(LocalOnlyAccess.HeaderName, token);
        return http.SendAsync(request);
    }

    private static IPAddress? NonLoopbackAddress() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
