namespace Platform.Core.Catalog;

/// <summary>
/// Keys as merchants paste or upload them: one per line, surrounding spaces ignored, blank lines skipped. In a CSV
/// upload the first column is the key (quotes removed), and a first line reading "key" or "license" is a header.
/// </summary>
public static class LicenseKeyText
{
    public static List<string> Parse(string text, bool csv = false)
    {
        var keys = new List<string>();
        var first = true;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().Trim('\uFEFF').Trim();
            if (csv)
            {
                var comma = line.IndexOfAny([',', ';']);
                line = (comma >= 0 ? line[..comma] : line).Trim().Trim('"').Trim();
                if (first && line.ToLowerInvariant() is "key" or "keys" or "license" or "license key" or "code")
                {
                    first = false;
                    continue;
                }
            }

            first = false;
            if (line.Length > 0)
            {
                keys.Add(line);
            }
        }

        return keys;
    }
}
