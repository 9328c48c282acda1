using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Accounts;
using Platform.Core.Common;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Web.Portal;

/// <summary>
/// <c>POST /api/signup</c>: the sign-up form as JSON for scripts and the marketing site. Anonymous and
/// rate-limited like the form; it does not sign anyone in. Errors are RFC 7807 validation problems keyed
/// by the request's JSON field names: 400 for invalid input, 409 when the email or store address is taken.
/// </summary>
public static class SignupEndpoint
{
    public static async Task<IResult> HandleAsync(
        SignupRequest? request, StoreSignupService signups, UserManager<PlatformUser> users, ITenantStore tenants, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [""] = ["Send a JSON body with storeName, email and password."] });
        }

        var invalid = Validate(request);
        if (invalid.Count > 0)
        {
            return Results.ValidationProblem(invalid);
        }

        if (await users.FindByEmailAsync(request.Email!.Trim()) is not null)
        {
            return Conflict("email", "An account with this email already exists. Log in to add a store.");
        }

        if (!string.IsNullOrWhiteSpace(request.Slug) && await tenants.FindBySlugAsync(request.Slug, cancellationToken) is not null)
        {
            return Conflict("slug", "That store address is already taken.");
        }

        Result<NewStore> result;
        try
        {
            result = await signups.SignUpAsync(new StoreSignup(request.StoreName!, request.Email, request.Password!, request.Slug), cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflict("email", "An account with this email or a store with this address was just created. Try another.");
        }

        if (!result.Succeeded)
        {
            return Results.ValidationProblem(result.Errors.ToDictionary(e => JsonName(e.Key), e => e.Value));
        }

        var store = result.Value.Tenant;
        return Results.Created($"/stores/{store.Slug}", new SignupResponse(store.Id, store.Slug, store.Name, result.Value.OwnerUserId));
    }

    private static Dictionary<string, string[]> Validate(SignupRequest request)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        return results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty(""), (r, member) => (Field: JsonName(member), Message: r.ErrorMessage ?? "Invalid."))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
    }

    private static IResult Conflict(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: StatusCodes.Status409Conflict, title: "Already taken");

    private static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
