namespace Platform.Core.Catalog;

/// <summary>What one piece of a parsed <see cref="RichText"/> is: visible text, or a formatting tag opening or closing.</summary>
public enum RichTextPartKind
{
    Text,
    Open,
    Close,
}
