using Platform.Web.Identity;
using Scalar.AspNetCore;

namespace Platform.Web.Api.Reference;

/// <summary>
/// The machine-readable description of <c>/api/v1</c> (OpenAPI 3.1 from <c>Microsoft.AspNetCore.OpenApi</c>, built
/// from the endpoints themselves plus three transformers) and the interactive reference page (Scalar) that reads it.
/// Both are public: they describe a public API and hold nothing of any store. Scalar's script is embedded in its
/// package and served from here; its CDN fonts, telemetry, AI agent, MCP hooks and hosted developer tools are off, so
/// the page loads nothing from the internet.
/// </summary>
public static class ApiReferenceExtensions
{
    public const string DocumentName = "v1";
    public const string DocumentPattern = "/openapi/{documentName}.json";
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/docs";

    public static IServiceCollection AddPlatformApiReference(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddSchemaTransformer<ApiExamplesTransformer>();
        });

    public static IEndpointRouteBuilder MapPlatformApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPattern).ExcludeFromDescription();
        endpoints.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("Starfront API reference")
            .WithOpenApiRoutePattern(DocumentPattern)
            .AddPreferredSecuritySchemes(ApiDocumentTransformer.SecuritySchemeId)
            .AddClientCredentialsFlow(ApiDocumentTransformer.SecuritySchemeId, flow => flow.WithSelectedScopes([StarfrontOidc.ApiScope]))
            .HideDeveloperTools()
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp())
            .ExcludeFromDescription();
        return endpoints;
    }
}
