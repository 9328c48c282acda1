using System.Text;

namespace Platform.Core.Files;

/// <summary>Original file names as kept and shown: no folders, no control characters, at most 255 characters.</summary>
public static class FileNames
{
    public const string Fallback = "file";

    public static string Sanitise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        // Browsers (old IE) and some clients send full paths; keep the last segment of either separator.
        var last = name.Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or '*' or '?' or ':'))
            {
                builder.Append(c);
            }
        }

        var clean = builder.ToString().Trim().Trim('.').Trim();
        if (clean.Length == 0)
        {
            return Fallback;
        }

        if (clean.Length > StoredFile.FileNameMaxLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length is > 0 and <= 16 ? extension : "";
            clean = clean[..(StoredFile.FileNameMaxLength - extension.Length)] + extension;
        }

        return clean;
    }
}
