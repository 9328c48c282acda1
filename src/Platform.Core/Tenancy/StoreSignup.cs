namespace Platform.Core.Tenancy;

/// <summary>What a merchant types on /signup. Slug is optional: derived from the name when empty.</summary>
public sealed record StoreSignup(string StoreName, string Email, string Password, string? Slug = null);
