namespace Platform.Web.Portal;

/// <summary>201 body of <c>POST /api/signup</c>.</summary>
public sealed record SignupResponse(Guid StoreId, string Slug, string Name, Guid OwnerUserId);
