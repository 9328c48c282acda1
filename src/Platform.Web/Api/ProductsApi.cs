using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Platform.Core.Catalog;
using Platform.Core.Common;
using Platform.Core.Subscriptions;
using Platform.Web.Api.Reference;

namespace Platform.Web.Api;

/// <summary><c>/api/v1/products</c>: list, get, create, patch, archive; keys in bulk and stock for key products.</summary>
public static class ProductsApi
{
    public static RouteGroupBuilder MapProductsApi(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products");
        products.MapGet("/", ListProductsAsync).WithName("ListProducts").WithSummary("List products").ProducesValidationProblem();
        products.MapGet("/{id:guid}", GetProductAsync).WithName("GetProduct").WithSummary("Get a product").ProducesProblem(StatusCodes.Status404NotFound);
        products.MapPost("/", CreateProductAsync).WithName("CreateProduct").WithSummary("Create a product").ProducesValidationProblem();
        products.MapPatch("/{id:guid}", PatchProductAsync).WithName("PatchProduct").WithSummary("Change a product")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        products.MapPost("/{id:guid}/archive", ArchiveProductAsync).WithName("ArchiveProduct").WithSummary("Archive a product")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        products.MapPost("/{id:guid}/keys", AddKeysAsync).WithName("AddLicenseKeys").WithSummary("Add license keys")
            .WithMetadata(new StreamedRequestBody(
                "A JSON array of keys, or text with one key per line; at most 5 MB.",
                new Dictionary<string, Func<OpenApiSchema>>
                {
                    ["application/json"] = StreamedRequestBody.Strings,
                    ["text/plain"] = StreamedRequestBody.Text,
                }))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        products.MapGet("/{id:guid}/stock", GetStockAsync).WithName("GetStock").WithSummary("Get a product's stock")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return products;
    }

    private static async Task<Results<Ok<List<ProductResponse>>, ProblemHttpResult>> ListProductsAsync(
        string? state, ProductService service, PlanService plans, CancellationToken cancellationToken)
    {
        ProductState? filter = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!ApiNames.TryParse<ProductState>(state, out var parsed))
            {
                return ApiProblems.Invalid("state", $"Use one of: {ApiNames.Allowed<ProductState>()}.");
            }

            filter = parsed;
        }

        var responses = new List<ProductResponse>();
        foreach (var item in await service.ListAsync(filter, cancellationToken))
        {
            responses.Add(await ResponseAsync(item, plans, cancellationToken));
        }

        return TypedResults.Ok(responses);
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProductAsync(Guid id, ProductService service, PlanService plans,
        CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } item ? TypedResults.Ok(await ResponseAsync(item, plans, cancellationToken))
            : ApiProblems.NotFound("Product", id);

    private static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> CreateProductAsync(
        ProductRequest body, PlanService plans, CancellationToken cancellationToken)
    {
        if (!body.TryToInput(out var input, out var plan, out var errors))
        {
            return ApiProblems.Invalid(errors);
        }

        var result = await plans.CreateAsync(input, plan, cancellationToken);
        if (!result.Succeeded)
        {
            return Failed(result.Failure);
        }

        var product = result.Value;
        return TypedResults.Created($"/api/v1/products/{product.Id}", await ResponseAsync(new ProductListItem(product, product.Kind == ProductKind.LicenseKey
            ? 0 : null), plans, cancellationToken));
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> PatchProductAsync(
        Guid id, ProductRequest body, ProductService service, PlanService plans, CancellationToken cancellationToken)
    {
        if (!body.TryToInput(out var input, out var plan, out var errors))
        {
            return ApiProblems.Invalid(errors);
        }

        return await AnswerAsync(id, await plans.UpdateAsync(id, input, plan, cancellationToken), service, plans, cancellationToken);
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> ArchiveProductAsync(Guid id, ProductService service, PlanService plans,
        CancellationToken cancellationToken) =>
        await AnswerAsync(id, await service.ArchiveAsync(id, cancellationToken), service, plans, cancellationToken);

    /// <summary>Body: a JSON array of strings, or text/plain with one key per line.</summary>
    private static async Task<Results<Ok<KeysResponse>, ProblemHttpResult>> AddKeysAsync(
        Guid id, HttpRequest request, ProductService service, LicenseKeyPool pool, CancellationToken cancellationToken)
    {
        var product = await service.GetAsync(id, cancellationToken);
        if (product is null)
        {
            return ApiProblems.NotFound("Product", id);
        }

        if (product.Product.Kind != ProductKind.LicenseKey)
        {
            return ApiProblems.Conflict("Not a license-key product", "Keys can be added only to products of kind license_key.");
        }

        var (keys, problem) = await LicenseKeysBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await pool.AddAsync(id, keys!, cancellationToken);
        var stock = await pool.AvailableCountAsync(id, cancellationToken);
        return TypedResults.Ok(new KeysResponse(result.Added, result.Duplicates, result.TooLong, stock, result.Summary));
    }

    private static async Task<Results<Ok<StockResponse>, ProblemHttpResult>> GetStockAsync(
        Guid id, ProductService service, LicenseKeyPool pool, CancellationToken cancellationToken)
    {
        var product = await service.GetAsync(id, cancellationToken);
        return product is null ? ApiProblems.NotFound("Product", id)
            : TypedResults.Ok(new StockResponse(product.Product.Kind == ProductKind.LicenseKey ? await pool.AvailableCountAsync(id, cancellationToken) : null));
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> AnswerAsync(
        Guid id, Result<Product> result, ProductService service, PlanService plans, CancellationToken cancellationToken) =>
        result.Succeeded
            ? TypedResults.Ok(await ResponseAsync((await service.GetAsync(id, cancellationToken))!, plans, cancellationToken))
            : Failed(result.Failure, result.Failure.Kind == FailureKind.NotFound ? "Product not found" : null);

    private static async Task<ProductResponse> ResponseAsync(ProductListItem item, PlanService plans, CancellationToken cancellationToken) =>
        ProductResponse.From(item, item.Product.Kind == ProductKind.Subscription ? await plans.GetAsync(item.Product.Id, cancellationToken) : null);

    /// <summary>Core keys a plan's errors by <see cref="PlanInput"/> names; the API names the JSON path of <c>grants</c>.</summary>
    private static ProblemHttpResult Failed(Failure failure, string? title = null) =>
        failure.Kind == FailureKind.Invalid && failure.Errors.Count > 0
            ? ApiProblems.Invalid(failure.Errors.ToDictionary(e => e.Key switch
            {
                nameof(PlanInput.GrantChats) => "grants.chats",
                nameof(PlanInput.GrantProducts) => "grants.products",
                nameof(PlanInput.ChannelAccess) => "grants.channelAccess",
                _ => e.Key,
            }, e => e.Value))
            : ApiProblems.Failed(failure, title);
}
