using Platform.Core.Catalog;

namespace Platform.Core.Subscriptions;

/// <summary>A file or text product a member's plan grants, as the bot lists it.</summary>
public sealed record MemberProduct(Guid ProductId, string Title, ProductKind Kind);
