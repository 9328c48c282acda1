using Platform.Core.Tenancy;

namespace Platform.Core.Identity;

/// <summary>
/// Failed logins counted under one key: an account (any address) or an account from one client address. Keys are
/// SHA-256 hashes, so the table holds neither emails nor addresses. Rows exist for unknown emails too: throttling
/// must look the same whether or not an account exists. Kept in PostgreSQL so every web replica sees one count.
/// </summary>
[GlobalEntity("Login throttling happens before anyone is signed in or any store is known; keys are hashes of emails and addresses.")]
public sealed class LoginThrottle
{
    public const int KeyLength = 64;

    public required string Key { get; set; }

    /// <summary>Failures since <see cref="WindowStartedAt"/>; reset when a block starts or the window has passed.</summary>
    public int Failures { get; set; }

    public DateTimeOffset WindowStartedAt { get; set; }

    /// <summary>Blocks so far; each doubles the next one's length. Forgotten after a quiet day.</summary>
    public int Strikes { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
