using System.Diagnostics.CodeAnalysis;

namespace Platform.Core.Common;

/// <summary>
/// The one outcome type of Core's services: the value when the call succeeded, else a <see cref="Common.Failure"/>.
/// Replaces the per-feature <c>*SaveResult</c> records, which said the same thing in three shapes; a service returns
/// its value or a failure and the implicit conversions make either the result.
/// </summary>
public sealed class Result<T>
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private Result(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    /// <summary>The failure's field errors, or none: what a form copies into its model state.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => Failure?.Errors ?? NoErrors;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Failure failure) => new(default, failure);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Failure failure) => Fail(failure);

    /// <summary>Never the value: some values carry a secret shown once (a new webhook endpoint's signing secret).</summary>
    public override string ToString() => Succeeded ? "Succeeded" : $"{Failure.Kind}: {Failure.Message}";
}
