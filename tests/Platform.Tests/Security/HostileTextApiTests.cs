using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Merchant;

namespace Platform.Tests.Security;

/// <summary>
/// Fuzzes every JSON write endpoint of the API, discovered from the app's endpoint data source (a new endpoint is fuzzed
/// without editing this test): each string field of its request record in turn gets each <see cref="HostileText"/>.
/// No answer may be a 5xx; refused text must be a 400 problem and leave the store's rows exactly as they were.
/// The raw-body endpoints (license keys as text or JSON, file upload names) are fed by hand.
/// </summary>
public sealed partial class HostileTextApiTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    [Fact]
    public async Task Every_API_text_field_answers_hostile_text_without_a_5xx_and_refused_text_changes_nothing()
    {
        var store = await SeededStore.CreateAsync(app, "Fuzz");
        var anonymous = app.CreateHttpClient();
        var fuzzed = 0;
        foreach (var (route, method, bodyType) in JsonWriteEndpoints())
        {
            var client = route.StartsWith("/api/v1", StringComparison.Ordinal) ? store.Api : anonymous;
            var path = RouteParameter().Replace(route, m => Fill(route, m.Groups[1].Value, store));
            foreach (var property in bodyType.GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                foreach (var hostile in HostileText.All)
                {
                    var json = Body(bodyType, JsonNamingPolicy.CamelCase.ConvertName(property.Name), hostile);
                    await AssertAnswerAsync(client, new HttpMethod(method), path, json, "application/json", hostile, store, $"{method} {path} {property.Name}");
                    fuzzed++;
                }
            }
        }

        Assert.True(fuzzed > 50, $"Only {fuzzed} requests: endpoint discovery found too little.");
        foreach (var hostile in HostileText.All)
        {
            var keys = $"/api/v1/products/{store.KeyProductId}/keys";
            await AssertAnswerAsync(store.Api, HttpMethod.Post, keys, $"GOOD-1\n{hostile.Value}\nGOOD-2", "text/plain", hostile.AsUtf8Text(), store,
                "keys as text");
            var array = hostile.Name == "lone surrogate" ? $"[\"GOOD-3\", {HostileText.LoneSurrogateJson}]"
                : JsonSerializer.Serialize(new[] { "GOOD-3", hostile.Value });
            await AssertAnswerAsync(store.Api, HttpMethod.Post, keys, array, "application/json", hostile, store, "keys as JSON");
            // filename* (RFC 5987) carries any character, percent-encoded; HttpClient refuses them in a plain filename.
            var part = new ByteArrayContent("x"u8.ToArray());
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = hostile.Value + ".txt" };
            using var upload = new MultipartFormDataContent { part };
            using var response = await store.Api.PostAsync("/api/v1/files", upload);
            Assert.True((int)response.StatusCode < 500, $"file upload named {hostile} answered {(int)response.StatusCode}.");
        }
    }

    private async Task AssertAnswerAsync(HttpClient client, HttpMethod method, string path, string body, string mediaType, HostileText hostile,
        SeededStore store, string what)
    {
        var before = await TenantRows.FingerprintAsync(app.Database, store.Tenant.Id);
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{what} with {hostile} answered {status}: {await response.Content.ReadAsStringAsync()}");
        if (hostile.Refused)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what} with {hostile} answered {status}, not 400.");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var after = await TenantRows.FingerprintAsync(app.Database, store.Tenant.Id);
            Assert.True(TenantRows.Changed(before, after).Length == 0, $"{what} with {hostile} changed {TenantRows.Changed(before, after)}.");
        }
    }

    /// <summary>POST/PUT/PATCH endpoints under /api whose body is one of the platform's request records.</summary>
    private IEnumerable<(string Route, string Method, Type Body)> JsonWriteEndpoints() =>
        from endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/')
        where route.StartsWith("/api/", StringComparison.Ordinal)
        let body = endpoint.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.RequestType
        where body is not null && body.Namespace?.StartsWith("Platform.", StringComparison.Ordinal) == true
        from method in endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods)
        where method is "POST" or "PUT" or "PATCH"
        select (route, method, body);

    /// <summary>A body valid apart from the fuzzed field, so the hostile value gets as far into the app as it can.</summary>
    private static string Body(Type type, string field, HostileText hostile)
    {
        var values = new Dictionary<string, object?>
        {
            ["kind"] = "text",
            ["title"] = "Fuzzed",
            ["description"] = "d",
            ["priceStars"] = 10,
            ["textContent"] = "t",
            ["name"] = "Fuzzed",
            ["url"] = "http://127.0.0.1:9/fuzz",
            ["storeName"] = "Fuzz store",
            ["email"] = $"fuzz-{Guid.NewGuid():N}@example.test",
            ["password"] = "correct-horse-battery-9",
            ["welcomeText"] = "Hello",
        };
        var known = type.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
        var json = JsonSerializer.Serialize(values.Where(v => known.Contains(v.Key) && v.Key != field).ToDictionary());
        var literal = hostile.Name == "lone surrogate" ? HostileText.LoneSurrogateJson : JsonSerializer.Serialize(hostile.Value);
        return json.Length == 2 ? $"{{\"{field}\":{literal}}}" : $"{json[..^1]},\"{field}\":{literal}}}";
    }

    private static string Fill(string route, string parameter, SeededStore store) => parameter switch
    {
        "id" when route.Contains("/products", StringComparison.Ordinal) => store.TextProductId.ToString(),
        "id" when route.Contains("/categories", StringComparison.Ordinal) => store.CategoryId.ToString(),
        "id" when route.Contains("/webhook-endpoints", StringComparison.Ordinal) => store.WebhookId.ToString(),
        "id" when route.Contains("/orders", StringComparison.Ordinal) => store.OrderId.ToString(),
        "id" when route.Contains("/bots", StringComparison.Ordinal) => store.BotId.ToString(),
        _ => Guid.NewGuid().ToString(),
    };

    [GeneratedRegex(@"\{([a-zA-Z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
