using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Catalog;
using Platform.Core.Common;

namespace Platform.Web.Api;

/// <summary>
/// <c>/api/v1/categories</c>: list, create, rename, delete (products become uncategorised), and
/// <c>PUT /api/v1/categories/order</c> with the ids top to bottom. Duplicate names are 409.
/// </summary>
public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this IEndpointRouteBuilder api)
    {
        var categories = api.MapGroup("/categories").WithTags("Categories");
        categories.MapGet("", ListCategoriesAsync).WithName("ListCategories").WithSummary("List categories");
        categories.MapPost("", CreateCategoryAsync).WithName("CreateCategory").WithSummary("Create a category")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        categories.MapPatch("/{id:guid}", RenameCategoryAsync).WithName("RenameCategory").WithSummary("Rename a category")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        categories.MapPut("/order", ReorderCategoriesAsync).WithName("ReorderCategories").WithSummary("Set the order of categories");
        categories.MapDelete("/{id:guid}", DeleteCategoryAsync).WithName("DeleteCategory").WithSummary("Delete a category")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return categories;
    }

    private static async Task<Ok<IEnumerable<CategoryResponse>>> ListCategoriesAsync(CategoryService categories, CancellationToken cancellationToken) =>
        TypedResults.Ok((await categories.ListAsync(cancellationToken)).Select(CategoryResponse.From));

    private static async Task<Results<Created<CategoryResponse>, ProblemHttpResult>> CreateCategoryAsync(
        CategoryRequest body, CategoryService categories, CancellationToken cancellationToken)
    {
        var result = await categories.CreateAsync(body.Name, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/categories/{result.Value.Id}", CategoryResponse.From(result.Value))
            : Failed(result.Failure);
    }

    private static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> RenameCategoryAsync(
        Guid id, CategoryRequest body, CategoryService categories, CancellationToken cancellationToken)
    {
        var result = await categories.RenameAsync(id, body.Name, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(CategoryResponse.From(result.Value)) : Failed(result.Failure);
    }

    private static async Task<Ok<IEnumerable<CategoryResponse>>> ReorderCategoriesAsync(List<Guid> ids, CategoryService categories,
        CancellationToken cancellationToken)
    {
        await categories.ReorderAsync(ids, cancellationToken);
        return await ListCategoriesAsync(categories, cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteCategoryAsync(Guid id, CategoryService categories,
        CancellationToken cancellationToken) =>
        await categories.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound("Category", id);

    private static ProblemHttpResult Failed(Failure failure) => ApiProblems.Failed(failure, failure.Kind switch
    {
        FailureKind.NotFound => "Category not found",
        FailureKind.Conflict => "Category name taken",
        _ => null,
    });
}
