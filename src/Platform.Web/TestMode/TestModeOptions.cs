namespace Platform.Web.TestMode;

/// <summary>
/// The <c>TestMode</c> settings. Test mode needs the platform's Telegram to be the sandbox (<c>Telegram:BaseUrl</c> is not
/// api.telegram.org: the local run's in-process sandbox, tests, a demo deployment), because its bots must reach this
/// platform's webhook like any other; with live Telegram it is off whatever these say.
/// </summary>
public sealed class TestModeOptions
{
    /// <summary>False turns test mode off even with a sandbox; unset or true: on whenever the sandbox is the Telegram.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The sandbox's address as the merchant's browser reaches it, for the chat page link (default: <c>Telegram:BaseUrl</c>,
    /// right when platform and browser share a machine). Configured, never taken from a request.
    /// </summary>
    public string? SandboxPublicUrl { get; set; }

    /// <summary>The Stars a new test buyer gets, and what a returning one is topped up to.</summary>
    public int BuyerStars { get; set; } = 1000;
}
