using Platform.Core.Catalog;
using Platform.Core.Common;
using Platform.Core.Subscriptions;

namespace Platform.Web.Pages.Stores.Products;

/// <summary>
/// The one-click state changes shared by the product list and the product form, so both apply the same rules:
/// publishing a plan goes through <see cref="PlanService"/> (a published plan must grant something), every other
/// kind through <see cref="ProductService.PublishAsync"/> (the saving rules, plus keys in stock for key products).
/// </summary>
internal static class ProductPublishing
{
    public static Task<Result<Product>> PublishAsync(ProductService products, PlanService plans, Product product, CancellationToken cancellationToken) =>
        product.Kind == ProductKind.Subscription
            ? plans.UpdateAsync(product.Id, new ProductInput { State = ProductState.Published }, null, cancellationToken)
            : products.PublishAsync(product.Id, cancellationToken);

    public static Task<Result<Product>> UnpublishAsync(PlanService plans, Product product, CancellationToken cancellationToken) =>
        plans.UpdateAsync(product.Id, new ProductInput { State = ProductState.Draft }, null, cancellationToken);

    /// <summary>The refusal in one sentence list, for a notice above the form or the list.</summary>
    public static string Explain(Result<Product> result, string title) =>
        $"“{title}” was not published: " + string.Join(" ", result.Errors.SelectMany(e => e.Value).DefaultIfEmpty(result.Failure?.Message ?? ""));
}
