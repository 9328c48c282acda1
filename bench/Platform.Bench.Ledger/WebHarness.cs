using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Bench.Ledger;

/// <summary>
/// The web app (Release build) as a child process, a store signed up through <c>POST /api/signup</c>, and two clients:
/// one signed in to the portal through the login form (cookie), one with a client-credentials bearer token.
/// </summary>
internal sealed partial class WebHarness(Process process, Uri baseUrl) : IAsyncDisposable
{
    public const string Password = "bench-password-123456";

    public Uri BaseUrl { get; } = baseUrl;

    public static async Task<WebHarness> StartAsync(string dll, int port, IDictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("warn:", StringComparison.Ordinal)))
            {
                Console.Error.WriteLine("web: " + line);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("web: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(url, "health/live"))).IsSuccessStatusCode)
                {
                    return new WebHarness(process, url);
                }
            }
            catch (HttpRequestException)
            {
                // not up yet
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The web app did not start.");
    }

    /// <summary>Signs a store up; returns (store id, slug, owner user id, email).</summary>
    public async Task<(Guid StoreId, string Slug, Guid OwnerId, string Email)> SignUpAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        var email = $"ledger{Guid.NewGuid():N}@example.test";
        var response = await http.PostAsJsonAsync("api/signup", new { storeName = "Ledger Bench", email, password = Password });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-up failed: {body}");
        }

        return (body.GetProperty("storeId").GetGuid(), body.GetProperty("slug").GetString()!, body.GetProperty("ownerUserId").GetGuid(), email);
    }

    /// <summary>A client signed in to the portal through the login form (antiforgery token included), keeping its cookie.</summary>
    public async Task<HttpClient> PortalClientAsync(string email)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseUrl,
        };
        var form = await http.GetStringAsync("login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var login = await http.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (login.StatusCode != HttpStatusCode.Redirect && login.StatusCode != HttpStatusCode.Found && login.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"Login answered {(int)login.StatusCode}.");
        }

        return http;
    }

    /// <summary>A client carrying a client-credentials access token (scope api) for the given API client.</summary>
    public async Task<HttpClient> ApiClientAsync(string clientId, string clientSecret)
    {
        var http = new HttpClient { BaseAddress = BaseUrl };
        var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = "api",
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"No token: {body}");
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
