namespace Platform.Core.Text;

/// <summary>
/// The one rule for text the platform accepts from anyone: no C0 control characters other than tab, line feed and
/// carriage return (PostgreSQL refuses NUL with 22021, and the rest only ever arrive by accident or in an attack), and no
/// lone UTF-16 surrogates (they have no UTF-8 form, so they could not be stored as sent). Everything else, RTL overrides,
/// HTML and SQL included, is ordinary text: stored literally and encoded wherever it is shown.
/// Used by the API and portal filters, the EF save guard and the raw-SQL key pool, so they cannot disagree.
/// </summary>
public static class ForbiddenText
{
    public const string Message = "contains characters that are not allowed (control characters or broken Unicode)";

    /// <summary>True when <paramref name="value"/> holds a character the platform refuses.</summary>
    public static bool IsForbidden(string? value) => value is not null && IndexOfForbidden(value) >= 0;

    /// <summary>
    /// True when <paramref name="value"/> cannot be stored at all (NUL, lone surrogates). The EF save guard uses this
    /// narrower rule: it also sees text from Telegram (customer names, messages), which may carry other controls.
    /// </summary>
    public static bool IsUnstorable(string? value) => value is not null && IndexOfForbidden(value, unstorableOnly: true) >= 0;

    /// <summary>The index of the first refused character, or -1.</summary>
    public static int IndexOfForbidden(ReadOnlySpan<char> value, bool unstorableOnly = false)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < '\u0020')
            {
                if (unstorableOnly ? c == '\0' : c is not ('\t' or '\n' or '\r'))
                {
                    return i;
                }
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return i;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The message for a field, as forms and problem details show it: "Title contains characters…".</summary>
    public static string For(string field) => $"{field} {Message}.";
}
