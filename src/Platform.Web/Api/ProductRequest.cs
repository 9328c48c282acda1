using System.ComponentModel;
using Platform.Core.Catalog;
using Platform.Core.Subscriptions;

namespace Platform.Web.Api;

/// <summary>
/// Body of <c>POST /api/v1/products</c> and <c>PATCH /api/v1/products/{id}</c>. On PATCH, absent (null) fields stay
/// as they are; send an all-zero id to clear categoryId, photoFileId or fileId.
/// </summary>
public sealed record ProductRequest(
    string? Kind,
    string? Title,
    string? Description,
    int? PriceStars,
    string? State,
    Guid? CategoryId,
    int? SortOrder,
    Guid? PhotoFileId,
    Guid? FileId,
    string? TextContent,
    int? DownloadLimit,
    [property: Description("Subscription products only: the chats and products the plan grants and how members enter the chats.")]
    PlanGrantsRequest? Grants)
{
    /// <summary>Core's inputs with the snake_case kind, state and channel access parsed; false with errors per field when one is unknown.</summary>
    public bool TryToInput(out ProductInput input, out PlanInput? plan, out Dictionary<string, string[]> errors)
    {
        errors = [];
        ProductKind? kind = null;
        ProductState? state = null;
        if (Kind is not null)
        {
            if (ApiNames.TryParse<ProductKind>(Kind, out var k))
            {
                kind = k;
            }
            else
            {
                errors[nameof(ProductInput.Kind)] = [$"Use one of: {ApiNames.Allowed<ProductKind>()}."];
            }
        }

        if (State is not null)
        {
            if (ApiNames.TryParse<ProductState>(State, out var s))
            {
                state = s;
            }
            else
            {
                errors[nameof(ProductInput.State)] = [$"Use one of: {ApiNames.Allowed<ProductState>()}."];
            }
        }

        ChannelAccessMode? mode = null;
        if (Grants?.ChannelAccess is { } access)
        {
            if (ApiNames.TryParse<ChannelAccessMode>(access, out var m))
            {
                mode = m;
            }
            else
            {
                errors["grants.channelAccess"] = [$"Use one of: {ApiNames.Allowed<ChannelAccessMode>()}."];
            }
        }

        plan = Grants is null ? null : new PlanInput { ChannelAccess = mode, GrantChats = Grants.Chats, GrantProducts = Grants.Products };
        input = new ProductInput
        {
            Kind = kind,
            Title = Title,
            Description = Description,
            PriceStars = PriceStars,
            State = state,
            CategoryId = CategoryId,
            SortOrder = SortOrder,
            PhotoFileId = PhotoFileId,
            FileId = FileId,
            TextContent = TextContent,
            DownloadLimit = DownloadLimit,
        };
        return errors.Count == 0;
    }
}
