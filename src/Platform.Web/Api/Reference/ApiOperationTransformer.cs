using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Web.Api.Reference;

/// <summary>Writes the request body of operations whose handler reads the body itself (<see cref="StreamedRequestBody"/>).</summary>
public sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<StreamedRequestBody>().FirstOrDefault() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = body.Description,
                Required = true,
                Content = body.Content.ToDictionary(c => c.Key, c => new OpenApiMediaType { Schema = c.Value() }),
            };
        }

        return Task.CompletedTask;
    }
}
