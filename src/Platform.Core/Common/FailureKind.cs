namespace Platform.Core.Common;

/// <summary>
/// Why a service call did not do what was asked, in the few kinds callers tell apart: a form shows the message or the
/// field errors, the API answers 400, 404, 409 or 503 (one mapping, <c>Platform.Web/Api/ApiProblems.cs</c>).
/// </summary>
public enum FailureKind
{
    /// <summary>The input is wrong; nothing changed. Field errors when the input has fields, else just the message.</summary>
    Invalid = 0,

    /// <summary>What the call names does not exist in this store (or belongs to another one).</summary>
    NotFound = 1,

    /// <summary>The input is fine but collides with what exists (a taken name, a bot serving another store).</summary>
    Conflict = 2,

    /// <summary>Something outside the platform (Telegram) could not be reached; the same call may work later.</summary>
    Unavailable = 3,
}
