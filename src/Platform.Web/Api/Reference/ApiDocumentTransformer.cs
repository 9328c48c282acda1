using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Core;
using Platform.Web.Identity;

namespace Platform.Web.Api.Reference;

/// <summary>
/// What every <c>/api/v1</c> operation shares but no endpoint declares: the OAuth 2.0 client-credentials scheme
/// (token URL on the public address, the <c>api</c> scope) required by each operation, and the problem answers of the
/// group's filters — 401 (no, expired or revoked token), 403 (store suspended, not a member, owners only) and 400
/// (text the platform refuses to store, in any body or query field).
/// </summary>
public sealed class ApiDocumentTransformer(IPublicBaseUrl publicBaseUrl) : IOpenApiDocumentTransformer
{
    public const string SecuritySchemeId = "oauth2";
    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Starfront merchant API";
        document.Info.Description =
            "A store's catalog, storefront, files, orders, bots and webhooks. Every call needs an access token from the " +
            "client-credentials grant (an API client created by the store's owner, scope `api`); every error is RFC 7807 " +
            "problem details. Another store's resources answer 404.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Client credentials of an API client (Stores → API clients in the portal), sent with HTTP Basic auth.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri(publicBaseUrl.Value, "connect/token"),
                    Scopes = new Dictionary<string, string> { [StarfrontOidc.ApiScope] = "Call /api/v1 for the API client's store." },
                },
            },
        };

        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeId, document)] = [StarfrontOidc.ApiScope] };
        foreach (var operation in (document.Paths ?? []).SelectMany(p => p.Value.Operations ?? []).Select(o => o.Value))
        {
            operation.Security = [requirement];
            operation.Responses ??= [];
            if (operation.RequestBody is not null || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
            {
                AddProblem(document, operation, "400", "HttpValidationProblemDetails",
                    "The request has invalid fields (e.g. text the platform refuses to store).");
            }

            AddProblem(document, operation, "401", "ProblemDetails", "No valid access token, or its API client was revoked.");
            AddProblem(document, operation, "403", "ProblemDetails",
                "The store is suspended, the person is no longer a member, or the resource is for owners only.");
        }

        return Task.CompletedTask;
    }

    private static void AddProblem(OpenApiDocument document, OpenApiOperation operation, string status, string schema, string description)
    {
        if (operation.Responses!.ContainsKey(status) || document.Components?.Schemas?.ContainsKey(schema) != true)
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, document) } },
        };
    }
}
