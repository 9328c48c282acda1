using System.Net;
using AngleSharp.Html.Parser;

namespace Platform.Tests.Replicas;

/// <summary>
/// A browser-like client for the Production replicas: every request says it came through the TLS-terminating ingress
/// (<c>X-Forwarded-Proto: https</c>), and the cookies — Secure in Production, so a cookie container would never send
/// them over the test's plain http — are kept by hand and can be carried to another replica.
/// </summary>
internal sealed class ReplicasClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

    public Dictionary<string, string> Cookies { get; } = [];

    public async Task<HttpResponseMessage> SendAsync(Uri web, HttpMethod method, string path, HttpContent? content = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(web, path)) { Content = content };
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var pair in setCookies.Select(c => c.Split(';')[0].Split('=', 2)))
            {
                Cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    /// <summary>Signs in through <paramref name="web"/>'s login form (antiforgery token and all); true when it redirected onwards.</summary>
    public async Task<bool> LoginAsync(Uri web, string email, string password)
    {
        using var page = await SendAsync(web, HttpMethod.Get, "login");
        var form = (await Parser.ParseDocumentAsync(await page.Content.ReadAsStringAsync())).QuerySelector("main form")
            ?? throw new InvalidOperationException($"No login form ({(int)page.StatusCode}).");
        var fields = form.QuerySelectorAll("input[name]").Where(i => i.GetAttribute("type") is not ("checkbox" or "radio" or "submit"))
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Email"] = email;
        fields["Password"] = password;
        using var login = await SendAsync(web, HttpMethod.Post, "login", new FormUrlEncodedContent(fields));
        return login.StatusCode == HttpStatusCode.Redirect
            && login.Headers.Location?.OriginalString.Contains("login", StringComparison.OrdinalIgnoreCase) != true;
    }

    public void Dispose() => http.Dispose();
}
