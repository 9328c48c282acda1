using Microsoft.AspNetCore.Identity;

namespace Platform.Core.Identity;

/// <summary>Maps Identity's error codes to the form field they are about.</summary>
public static class IdentityErrors
{
    public static IReadOnlyDictionary<string, string[]> ToFieldErrors(IEnumerable<IdentityError> errors) =>
        errors.GroupBy(e => FieldOf(e.Code)).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" => "Email",
        _ => string.Empty,
    };
}
