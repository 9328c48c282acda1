namespace Platform.Core.Common;

/// <summary>
/// A failed outcome: its kind, a message a person can act on, and (for <see cref="FailureKind.Invalid"/> input with
/// fields) the errors keyed by the input's property names, fit for a form's model state or a validation problem.
/// </summary>
public sealed record Failure(FailureKind Kind, string Message, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>Field errors (at least one); the message joins them for callers that show one line.</summary>
    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Invalid, string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    public static Failure Invalid(string field, string message) =>
        new(FailureKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Invalid input that is not one field's fault (e.g. a token Telegram rejected).</summary>
    public static Failure Rejected(string message) => new(FailureKind.Invalid, message, NoErrors);

    public static Failure NotFound(string message) => new(FailureKind.NotFound, message, NoErrors);

    public static Failure Conflict(string message) => new(FailureKind.Conflict, message, NoErrors);

    public static Failure Unavailable(string message) => new(FailureKind.Unavailable, message, NoErrors);
}
