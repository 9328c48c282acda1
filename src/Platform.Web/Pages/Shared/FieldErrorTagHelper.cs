using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Platform.Web.Pages.Shared;

/// <summary>
/// <c>&lt;field-error for="Email" /&gt;</c> renders the field's model errors as
/// <c>&lt;span class="field-error" data-for="Email"&gt;</c> next to the input (nothing when valid).
/// A stable, framework-neutral hook that people, CSS and tests can all rely on.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public string For { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ModelState.TryGetValue(For, out var entry) ? entry.Errors : null;
        if (errors is null || errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("data-for", For);
        output.Attributes.SetAttribute("id", For + "-error");
        output.Content.SetContent(string.Join(" ", errors.Select(e => e.ErrorMessage)));
    }
}
