using Platform.Core.Catalog;

namespace Platform.Web.Api;

/// <summary>A category as the API shows it; <see cref="SortOrder"/> 0 is the top of the bot's catalog.</summary>
public sealed record CategoryResponse(Guid Id, string Name, int SortOrder)
{
    public static CategoryResponse From(Category category) => new(category.Id, category.Name, category.SortOrder);
}
