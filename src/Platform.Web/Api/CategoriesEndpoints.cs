using Platform.Core.Catalog;

namespace Platform.Web.Api;

/// <summary>
/// <c>/api/v1/categories</c>: list, create, rename, delete (products become uncategorised), and
/// <c>PUT /api/v1/categories/order</c> with the ids top to bottom. Duplicate names are 409.
/// </summary>
public static class CategoriesEndpoints
{
    public static IEndpointRouteBuilder MapCategoriesEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/categories", ListAsync);
        api.MapPost("/categories", async (CategoryRequest body, CategoryService categories, CancellationToken cancellationToken) =>
            Answer(await categories.CreateAsync(body.Name, cancellationToken), created: true));
        api.MapPatch("/categories/{id:guid}", async (Guid id, CategoryRequest body, CategoryService categories, CancellationToken cancellationToken) =>
            Answer(await categories.RenameAsync(id, body.Name, cancellationToken), created: false));
        api.MapPut("/categories/order", async (List<Guid> ids, CategoryService categories, CancellationToken cancellationToken) =>
        {
            await categories.ReorderAsync(ids, cancellationToken);
            return await ListAsync(categories, cancellationToken);
        });
        api.MapDelete("/categories/{id:guid}", async (Guid id, CategoryService categories, CancellationToken cancellationToken) =>
            await categories.DeleteAsync(id, cancellationToken) ? Results.NoContent() : ApiNames.NotFound("Category", id));
        return api;
    }

    private static async Task<IResult> ListAsync(CategoryService categories, CancellationToken cancellationToken) =>
        Results.Ok((await categories.ListAsync(cancellationToken)).Select(c => new CategoryResponse(c.Id, c.Name, c.SortOrder)));

    private static IResult Answer(CategorySaveResult result, bool created)
    {
        if (result.Category is { } c)
        {
            var body = new CategoryResponse(c.Id, c.Name, c.SortOrder);
            return created ? Results.Created($"/api/v1/categories/{c.Id}", body) : Results.Ok(body);
        }

        return result.NotFound ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Category not found", detail: result.Error)
            : result.Conflict ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Category name taken", detail: result.Error)
            : ApiNames.Invalid(new Dictionary<string, string[]> { ["Name"] = [result.Error!] });
    }
}
