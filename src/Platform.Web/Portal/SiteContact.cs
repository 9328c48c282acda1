using Microsoft.Extensions.Configuration;

namespace Platform.Web.Portal;

/// <summary>
/// Where merchants and buyers write to us: <c>Platform:ContactEmail</c>, else a documented placeholder, so the footer,
/// the contact page and the legal pages name the same address (docs/portal.md, "Front page and legal pages").
/// </summary>
public static class SiteContact
{
    public const string DefaultEmail = "support@starfront.local";

    public static string EmailOf(IConfiguration configuration) =>
        configuration["Platform:ContactEmail"] is { Length: > 0 } configured ? configured.Trim() : DefaultEmail;
}
