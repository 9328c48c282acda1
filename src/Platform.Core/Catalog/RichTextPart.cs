namespace Platform.Core.Catalog;

/// <summary>
/// One piece of a parsed <see cref="RichText"/>: decoded visible text, or a tag (<see cref="Value"/> is its lower-case
/// name; <see cref="Href"/> the checked link of an <c>a</c>). Kept apart from any output syntax so the bot's HTML and the
/// portal's preview are both written from the same accepted pieces.
/// </summary>
public sealed record RichTextPart(RichTextPartKind Kind, string Value, string? Href = null);
