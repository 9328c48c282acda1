using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Text;

namespace Platform.Web.Text;

/// <summary>
/// Global Razor Pages filter: before any POST handler runs, every form field (and uploaded file name) is checked with
/// <see cref="ForbiddenText"/>. When one is refused the handler never runs: the page is shown again the way its GET
/// handler shows it, with status 400 and the message next to the offending field, so nothing is saved and the merchant
/// sees which field to fix. Query strings and paths are refused earlier by <see cref="ForbiddenTextMiddleware"/>.
/// </summary>
public sealed class ForbiddenTextPageFilter : IAsyncPageFilter
{
    /// <summary>The model-state key of the page-wide message; the layout shows it above every page.</summary>
    public const string FormKey = "form-text";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !request.HasFormContentType)
        {
            await next();
            return;
        }

        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        var refused = form.Where(f => ForbiddenText.IsForbidden(f.Key) || f.Value.Any(ForbiddenText.IsForbidden)).Select(f => f.Key)
            .Concat(form.Files.Where(f => ForbiddenText.IsForbidden(f.FileName)).Select(f => f.Name))
            .Distinct().ToList();
        if (refused.Count == 0)
        {
            await next();
            return;
        }

        foreach (var field in refused)
        {
            context.ModelState.AddModelError(ForbiddenText.IsForbidden(field) ? string.Empty : field, ForbiddenText.For("This text"));
        }

        context.ModelState.AddModelError(FormKey, "Nothing was saved: " + ForbiddenText.For("some text"));
        context.Result = await ShowFormAsync(context);
    }

    /// <summary>Runs the page's GET handler (it loads what the form needs) and shows the page with a 400.</summary>
    private static async Task<IActionResult> ShowFormAsync(PageHandlerExecutingContext context)
    {
        var get = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => h.HttpMethod == "Get" && string.IsNullOrEmpty(h.Name));
        if (get is null)
        {
            await ForbiddenTextMiddleware.RefuseAsync(context.HttpContext, "form", ForbiddenText.For("Some text"));
            return new EmptyResult();
        }

        var arguments = get.Parameters.Select(p => Argument(context, p.Name, p.ParameterType)).ToArray();
        var returned = get.MethodInfo.Invoke(context.HandlerInstance, arguments);
        if (returned is Task task)
        {
            await task;
            returned = task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }

        return returned switch
        {
            null or PageResult => new PageResult { StatusCode = StatusCodes.Status400BadRequest },
            IActionResult other => other,
            _ => new PageResult { StatusCode = StatusCodes.Status400BadRequest },
        };
    }

    private static object? Argument(PageHandlerExecutingContext context, string name, Type type)
    {
        if (type == typeof(CancellationToken))
        {
            return context.HttpContext.RequestAborted;
        }

        var raw = context.RouteData.Values.TryGetValue(name, out var routed) ? routed?.ToString() : null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (raw is not null)
        {
            try
            {
                return TypeDescriptor.GetConverter(target).ConvertFromInvariantString(raw);
            }
            catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException)
            {
                // Fall through to the default, as model binding would leave it.
            }
        }

        return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
    }
}
