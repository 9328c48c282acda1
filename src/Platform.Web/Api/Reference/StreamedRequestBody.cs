using Microsoft.OpenApi;

namespace Platform.Web.Api.Reference;

/// <summary>
/// Describes, for the OpenAPI document only, a body the handler reads itself (a streamed file upload, keys as JSON or
/// text). <c>Accepts&lt;T&gt;</c> would do it too, but its metadata makes routing answer other content types with a
/// bare 415 before the handler's own problem details; <see cref="ApiOperationTransformer"/> reads this instead.
/// </summary>
public sealed record StreamedRequestBody(string Description, IReadOnlyDictionary<string, Func<OpenApiSchema>> Content)
{
    public static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };

    public static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    public static OpenApiSchema Strings() => new() { Type = JsonSchemaType.Array, Items = Text() };

    public static OpenApiSchema FileForm() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = Binary() },
        Required = new HashSet<string> { "file" },
    };
}
