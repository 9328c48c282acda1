using System.Text;
using System.Text.Json;
using Platform.Core.Catalog;

namespace Platform.Web.Api;

/// <summary><c>/api/v1/products</c>: list, get, create, patch, archive; keys in bulk and stock for key products.</summary>
public static class ProductsEndpoints
{
    /// <summary>Key uploads are text; 5 MB is about 100,000 keys, far beyond a real batch.</summary>
    public const int MaxKeysBodyBytes = 5 * 1024 * 1024;

    public static IEndpointRouteBuilder MapProductsEndpoints(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/products");
        products.MapGet("/", ListAsync);
        products.MapGet("/{id:guid}", GetAsync);
        products.MapPost("/", CreateAsync);
        products.MapPatch("/{id:guid}", PatchAsync);
        products.MapPost("/{id:guid}/archive", ArchiveAsync);
        products.MapPost("/{id:guid}/keys", AddKeysAsync);
        products.MapGet("/{id:guid}/stock", StockAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(string? state, ProductService service, CancellationToken cancellationToken)
    {
        ProductState? filter = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!ApiNames.TryParse<ProductState>(state, out var parsed))
            {
                return ApiNames.Invalid(new Dictionary<string, string[]> { ["state"] = [$"Use one of: {ApiNames.Allowed<ProductState>()}."] });
            }

            filter = parsed;
        }

        return Results.Ok((await service.ListAsync(filter, cancellationToken)).Select(ProductResponse.From));
    }

    private static async Task<IResult> GetAsync(Guid id, ProductService service, CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } item ? Results.Ok(ProductResponse.From(item)) : ApiNames.NotFound("Product", id);

    private static async Task<IResult> CreateAsync(ProductRequest body, ProductService service, CancellationToken cancellationToken)
    {
        if (!TryMap(body, out var input, out var errors))
        {
            return ApiNames.Invalid(errors);
        }

        var result = await service.CreateAsync(input, cancellationToken);
        return result.Succeeded
            ? Results.Created($"/api/v1/products/{result.Product!.Id}", ProductResponse.From(new ProductListItem(result.Product, result.Product.Kind == ProductKind.LicenseKey ? 0 : null)))
            : ApiNames.Invalid(result.Errors);
    }

    private static async Task<IResult> PatchAsync(Guid id, ProductRequest body, ProductService service, CancellationToken cancellationToken)
    {
        if (!TryMap(body, out var input, out var errors))
        {
            return ApiNames.Invalid(errors);
        }

        var result = await service.UpdateAsync(id, input, cancellationToken);
        return result.NotFound ? ApiNames.NotFound("Product", id)
            : result.Succeeded ? Results.Ok(ProductResponse.From((await service.GetAsync(id, cancellationToken))!))
            : ApiNames.Invalid(result.Errors);
    }

    private static async Task<IResult> ArchiveAsync(Guid id, ProductService service, CancellationToken cancellationToken)
    {
        var result = await service.ArchiveAsync(id, cancellationToken);
        return result.NotFound ? ApiNames.NotFound("Product", id)
            : result.Succeeded ? Results.Ok(ProductResponse.From((await service.GetAsync(id, cancellationToken))!))
            : ApiNames.Invalid(result.Errors);
    }

    /// <summary>Body: a JSON array of strings, or text/plain with one key per line.</summary>
    private static async Task<IResult> AddKeysAsync(Guid id, HttpRequest request, ProductService service, LicenseKeyPool pool, CancellationToken cancellationToken)
    {
        var product = await service.GetAsync(id, cancellationToken);
        if (product is null)
        {
            return ApiNames.NotFound("Product", id);
        }

        if (product.Product.Kind != ProductKind.LicenseKey)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a license-key product",
                detail: "Keys can be added only to products of kind license_key.");
        }

        if (request.ContentLength > MaxKeysBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many keys at once",
                detail: $"Send at most {MaxKeysBodyBytes / (1024 * 1024)} MB of keys per request.");
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        List<string> keys;
        var text = await ReadLimitedAsync(request, cancellationToken);
        if (text is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many keys at once",
                detail: $"Send at most {MaxKeysBodyBytes / (1024 * 1024)} MB of keys per request.");
        }

        switch (mediaType)
        {
            case "application/json":
                try
                {
                    keys = JsonSerializer.Deserialize<List<string>>(text) ?? [];
                }
                catch (JsonException)
                {
                    return ApiNames.Invalid(new Dictionary<string, string[]> { ["keys"] = ["Send a JSON array of strings, e.g. [\"KEY-1\", \"KEY-2\"]."] });
                }

                break;
            case "text/plain":
                keys = LicenseKeyText.Parse(text);
                break;
            default:
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                    detail: "Send keys as application/json (an array of strings) or text/plain (one key per line).");
        }

        var result = await pool.AddAsync(id, keys, cancellationToken);
        var stock = await pool.AvailableCountAsync(id, cancellationToken);
        return Results.Ok(new KeysResponse(result.Added, result.Duplicates, result.TooLong, stock, result.Summary));
    }

    private static async Task<IResult> StockAsync(Guid id, ProductService service, LicenseKeyPool pool, CancellationToken cancellationToken)
    {
        var product = await service.GetAsync(id, cancellationToken);
        return product is null ? ApiNames.NotFound("Product", id)
            : Results.Ok(new { available = product.Product.Kind == ProductKind.LicenseKey ? await pool.AvailableCountAsync(id, cancellationToken) : (int?)null });
    }

    private static async Task<string?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxKeysBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool TryMap(ProductRequest body, out ProductInput input, out Dictionary<string, string[]> errors)
    {
        errors = [];
        ProductKind? kind = null;
        ProductState? state = null;
        if (body.Kind is not null)
        {
            if (ApiNames.TryParse<ProductKind>(body.Kind, out var k))
            {
                kind = k;
            }
            else
            {
                errors[nameof(ProductInput.Kind)] = [$"Use one of: {ApiNames.Allowed<ProductKind>()}."];
            }
        }

        if (body.State is not null)
        {
            if (ApiNames.TryParse<ProductState>(body.State, out var s))
            {
                state = s;
            }
            else
            {
                errors[nameof(ProductInput.State)] = [$"Use one of: {ApiNames.Allowed<ProductState>()}."];
            }
        }

        input = new ProductInput
        {
            Kind = kind, Title = body.Title, Description = body.Description, PriceStars = body.PriceStars, State = state,
            CategoryId = body.CategoryId, SortOrder = body.SortOrder, PhotoFileId = body.PhotoFileId, FileId = body.FileId,
            TextContent = body.TextContent, DownloadLimit = body.DownloadLimit,
        };
        return errors.Count == 0;
    }
}
