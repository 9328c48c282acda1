namespace Platform.Tests.Security;

/// <summary>
/// The hostile strings every text field is fed. <see cref="Refused"/> ones must be answered 400 with nothing written;
/// the others are ordinary (if odd) text: any answer but a 5xx is fine, and whatever is stored is shown encoded.
/// </summary>
internal sealed record HostileText(string Name, string Value, bool Refused)
{
    /// <summary>A lone high surrogate, sent as the JSON escape <c>"\ud800"</c> (it has no UTF-8 form of its own).</summary>
    public const string LoneSurrogateJson = "\"x\\ud800y\"";

    public static readonly HostileText[] All =
    [
        new("NUL", "a\0b", true),
        new("C0 controls", "a\u0001\u001b[31m\u001fb", true),
        new("lone surrogate", "x\ud800y", true),
        new("1 MB", new string('x', 1024 * 1024), false),
        new("RTL override", "invoice\u202Egpj.exe", false),
        new("HTML", "<script>alert(1)</script><img src=x onerror=alert(2)>", false),
        new("SQL", "'); DROP TABLE \"Products\"; -- ' OR 1=1", false),
    ];

    /// <summary>
    /// The same value sent as plain UTF-8 (form fields, text bodies): a lone surrogate cannot be encoded there, so it
    /// arrives as U+FFFD, which is ordinary text and need not be refused.
    /// </summary>
    public HostileText AsUtf8Text() => Name == "lone surrogate" ? this with { Refused = false } : this;

    public override string ToString() => Name;
}
