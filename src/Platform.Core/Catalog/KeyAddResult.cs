namespace Platform.Core.Catalog;

/// <summary>Outcome of a bulk key add: e.g. "12 added, 3 duplicates skipped".</summary>
public sealed record KeyAddResult(int Added, int Duplicates, int TooLong)
{
    public string Summary =>
        $"{Added} added, {Duplicates} duplicate{(Duplicates == 1 ? "" : "s")} skipped" +
        (TooLong > 0 ? $", {TooLong} longer than {LicenseKey.ValueMaxLength} characters refused" : "");
}
