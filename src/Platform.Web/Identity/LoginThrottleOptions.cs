using System.ComponentModel.DataAnnotations;

namespace Platform.Web.Identity;

/// <summary>
/// How failed logins slow further attempts down. Section "LoginThrottle". Two counters per attempt: the account
/// from this client address (low threshold: an attacker at one address is stopped quickly, the owner elsewhere is
/// not) and the account from anywhere (higher threshold: a spread-out guess is still slowed). A block lasts
/// <see cref="BaseDelaySeconds"/>, doubling with each block up to <see cref="MaxDelaySeconds"/>; never a hard lockout.
/// </summary>
public sealed class LoginThrottleOptions : IValidatableObject
{
    public const string Section = "LoginThrottle";

    [Range(1, 1000)]
    public int PerAddressFailures { get; set; } = 5;

    [Range(1, 100_000)]
    public int PerAccountFailures { get; set; } = 20;

    /// <summary>Failures older than this no longer count towards a block.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 900;

    [Range(1, 3600)]
    public int BaseDelaySeconds { get; set; } = 60;

    [Range(1, 86_400)]
    public int MaxDelaySeconds { get; set; } = 900;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxDelaySeconds < BaseDelaySeconds)
        {
            yield return new ValidationResult($"{Section}:MaxDelaySeconds must be at least {Section}:BaseDelaySeconds.", [nameof(MaxDelaySeconds)]);
        }
    }
}
