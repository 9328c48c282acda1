namespace Platform.Core.Identity;

/// <summary>
/// Either the new client and its plain secret, or field-keyed errors. The secret exists only in this
/// object, returned once to the owner; <see cref="ToString"/> leaves it out so a log line cannot leak it.
/// </summary>
public sealed record ApiClientCreateResult(ApiClient? Client, string? ClientSecret, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Client is not null;

    public static ApiClientCreateResult Failed(string field, string message) =>
        new(null, null, new Dictionary<string, string[]> { [field] = [message] });

    public override string ToString() =>
        Succeeded ? $"ApiClient {Client!.ClientId} created" : $"ApiClient not created: {string.Join("; ", Errors.SelectMany(e => e.Value))}";
}
