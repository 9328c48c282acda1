namespace Platform.Web.Pages.Shared;

/// <summary>
/// The model of <c>_ConfirmButton.cshtml</c>, the one confirmation every destructive portal action uses: a
/// <c>&lt;details&gt;</c> box whose summary names the action and whose body asks the question, holds the real POST button
/// (the page's handler, CSRF-protected as before) and a Cancel link back to the page. No JavaScript: until the
/// button inside is pressed nothing is posted, and Cancel reloads the page with the box closed.
/// </summary>
public sealed record ConfirmButton(string Label, string Question, string Handler, string ConfirmLabel)
{
    /// <summary>Hidden form fields (ids the handler reads from the form).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Route values for the handler's URL (ids the handler reads from the query), as <c>asp-all-route-data</c>.</summary>
    public IDictionary<string, string> RouteValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The page the action belongs to (null: the current page), as <c>asp-page</c>.</summary>
    public string? Page { get; init; }

    /// <summary>The box's id (tests and links use it); optional.</summary>
    public string? Id { get; init; }

    /// <summary>What the summary says to a screen reader when <see cref="Label"/> alone is ambiguous ("Remove" in a table).</summary>
    public string? AccessibleLabel { get; init; }

    /// <summary>The confirm button is red (destructive) unless this is false (e.g. "Resend delivery").</summary>
    public bool Destructive { get; init; } = true;
}
