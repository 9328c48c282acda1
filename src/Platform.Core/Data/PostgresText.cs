using System.Text;
using Platform.Core.Text;

namespace Platform.Core.Data;

/// <summary>
/// Text from outside (a buyer's name, an error quoting an update) made storable: PostgreSQL's text refuses U+0000 and
/// Npgsql refuses to encode a lone surrogate, so either would fail the whole statement — and an update whose handler
/// always fails blocks its chat until it is set aside. Both become U+FFFD; everything else is kept.
/// </summary>
public static class PostgresText
{
    public static string? Clean(string? value)
    {
        // The save guard's rule for what cannot be stored, so the two never disagree.
        var first = value is null ? -1 : ForbiddenText.IndexOfForbidden(value, unstorableOnly: true);
        if (first < 0)
        {
            return value;
        }

        var clean = new StringBuilder(value!.Length).Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(c).Append(value[++i]);
            }
            else
            {
                clean.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return clean.ToString();
    }
}
