using System.Collections;
using System.Reflection;
using System.Text.Json;
using Platform.Core.Text;
using Platform.Web.Api;

namespace Platform.Web.Text;

/// <summary>
/// Runs before every <c>/api/v1</c> handler and the JSON sign-up: walks the bound arguments (strings, string lists and
/// the request records' properties) and answers 400 problem details naming the JSON field when any holds text that
/// <see cref="ForbiddenText"/> refuses — so <c>"\u0000"</c> or a lone <c>"\ud800"</c> never reaches a service.
/// </summary>
public sealed class ForbiddenTextEndpointFilter : IEndpointFilter
{
    private const int MaxDepth = 3;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var name = parameters is not null && i < parameters.Length ? parameters[i].Name ?? "body" : "body";
            if (FindForbidden(name, context.Arguments[i], 0) is { } field)
            {
                return ApiProblems.Invalid(new Dictionary<string, string[]> { [field] = [ForbiddenText.For("This text")] }, jsonFieldNames: false);
            }
        }

        return await next(context);
    }

    private static string? FindForbidden(string name, object? value, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return ForbiddenText.IsForbidden(text) ? name : null;
            case IEnumerable<string> texts:
                return texts.Any(ForbiddenText.IsForbidden) ? name : null;
            case IEnumerable items when depth < MaxDepth && value.GetType().IsGenericType:
                foreach (var item in items)
                {
                    if (FindForbidden(name, item, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
        }

        if (depth >= MaxDepth || !IsRequestRecord(value.GetType()))
        {
            return null;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0
                && FindForbidden(JsonNamingPolicy.CamelCase.ConvertName(property.Name), property.GetValue(value), depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Request bodies are the platform's records; services and framework types are never walked.</summary>
    private static bool IsRequestRecord(Type type) =>
        type.Namespace?.StartsWith("Platform.", StringComparison.Ordinal) == true
        && type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;
}
