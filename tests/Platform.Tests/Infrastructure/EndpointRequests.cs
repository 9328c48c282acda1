using System.Reflection;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The requests a route walk sends to one endpoint: a minimal API's own methods; a page's GET plus a POST to every handler
/// its model declares (OnPost, OnPostDelete → ?handler=Delete, …). Shared by the cross-tenant probe and the admin walk.
/// </summary>
public static class EndpointRequests
{
    public static IEnumerable<(string Method, string? Handler)> For(IReadOnlyList<string> methods, Type? pageModel)
    {
        if (methods.Count > 0)
        {
            return methods.Where(m => m != "HEAD").Select(m => (m, (string?)null));
        }

        var handlers = pageModel?.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
            .Select(m => m.Name["OnPost".Length..].Replace("Async", "", StringComparison.Ordinal))
            .Distinct().ToList() ?? [""];
        return handlers.Select(h => ("POST", h.Length == 0 ? null : h)).Prepend(("GET", (string?)null));
    }
}
