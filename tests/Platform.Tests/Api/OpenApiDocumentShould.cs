using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Platform.Tests.Infrastructure;
using Platform.Web.Api.Reference;

namespace Platform.Tests.Api;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> against the app's real routing table: a <c>/api/v1</c> route
/// missing from it, a document the Microsoft.OpenApi reader or its validation rules refuse, or a lost security
/// scheme fails here.
/// </summary>
public sealed partial class OpenApiDocumentShould(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task List_every_api_v1_route_with_its_method()
    {
        var document = await ReadAsync();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var documented = document.Paths
            .SelectMany(p => (p.Value.Operations ?? []).Select(o => $"{o.Key.Method} {Normalize(p.Key)}"))
            .ToHashSet();

        Assert.True(routes.Count >= 30, $"Only {routes.Count} /api/v1 routes found: {string.Join(", ", routes)}");
        Assert.Empty(routes.Except(documented));
        Assert.Empty(documented.Except(routes));
    }

    [Fact]
    public async Task Parse_and_validate_with_the_microsoft_openapi_reader()
    {
        var json = await GetDocumentJsonAsync();
        var result = OpenApiDocument.Parse(json, "json");

        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.NotNull(result.Document);
        Assert.Empty(result.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }

    [Fact]
    public async Task Require_the_client_credentials_scheme_on_every_operation()
    {
        var document = await ReadAsync();

        var scheme = Assert.IsAssignableFrom<IOpenApiSecurityScheme>(document.Components!.SecuritySchemes![ApiDocumentTransformer.SecuritySchemeId]);
        Assert.Equal(SecuritySchemeType.OAuth2, scheme.Type);
        Assert.Equal(new Uri(app.BaseAddress, "connect/token"), scheme.Flows!.ClientCredentials!.TokenUrl);
        Assert.Contains("api", scheme.Flows.ClientCredentials.Scopes!.Keys);
        foreach (var operation in document.Paths.SelectMany(p => p.Value.Operations ?? []).Select(o => o.Value))
        {
            var requirement = Assert.Single(operation.Security!);
            Assert.Equal(ApiDocumentTransformer.SecuritySchemeId, Assert.Single(requirement.Keys).Reference.Id);
        }
    }

    [Fact]
    public async Task Describe_errors_as_problem_details_and_carry_examples()
    {
        var document = await ReadAsync();
        var operations = document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => (Path: p.Key, Method: o.Key.Method, Operation: o.Value)))
            .ToList();

        foreach (var (path, method, operation) in operations)
        {
            Assert.True(operation.Responses!.ContainsKey("401"), $"{method} {path} has no 401");
            Assert.True(operation.Responses.ContainsKey("403"), $"{method} {path} has no 403");
            Assert.All(operation.Responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')), r =>
                Assert.Contains("application/problem+json", r.Value.Content!.Keys));
        }

        var getProduct = operations.Single(o => o.Method == "GET" && o.Path == "/api/v1/products/{id}").Operation;
        Assert.True(getProduct.Responses!.ContainsKey("404"));
        var registerBot = operations.Single(o => o.Method == "POST" && o.Path == "/api/v1/bots").Operation;
        Assert.True(registerBot.Responses!.ContainsKey("409"));
        var addKeys = operations.Single(o => o.Method == "POST" && o.Path == "/api/v1/products/{id}/keys").Operation;
        Assert.Equal(["application/json", "text/plain"], addKeys.RequestBody!.Content!.Keys.Order());
        Assert.NotEmpty(document.Components!.Schemas!["ProductRequest"].Examples ?? []);
        Assert.NotEmpty(document.Components.Schemas["ProblemDetails"].Examples ?? []);
    }

    [Fact]
    public async Task Be_public_like_the_api_it_describes()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var document = await http.GetAsync(ApiReferenceExtensions.DocumentPath);
        using var page = await http.GetAsync(ApiReferenceExtensions.ReferencePath.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("application/json", document.Content.Headers.ContentType?.MediaType);
    }

    private static string Normalize(string path) => RouteParameter().Replace(path, "{$1}").TrimEnd('/');

    private async Task<string> GetDocumentJsonAsync()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        return await http.GetStringAsync(ApiReferenceExtensions.DocumentPath.TrimStart('/'));
    }

    private async Task<OpenApiDocument> ReadAsync()
    {
        var result = OpenApiDocument.Parse(await GetDocumentJsonAsync(), "json");
        return result.Document ?? throw new InvalidOperationException("The document did not parse.");
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
