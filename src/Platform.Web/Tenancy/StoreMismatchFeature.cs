namespace Platform.Web.Tenancy;

/// <summary>
/// Left on the request when a browser opened a page of a store other than the one it works in, so the error page
/// can offer to switch to <see cref="Slug"/> (if the user is a member there) and come back to <see cref="ReturnPath"/>.
/// </summary>
public sealed record StoreMismatchFeature(string Slug, string ReturnPath);
