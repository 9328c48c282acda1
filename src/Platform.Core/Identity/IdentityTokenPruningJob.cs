using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Platform.Core.Maintenance;

namespace Platform.Core.Identity;

/// <summary>
/// OpenIddict keeps every token and authorization it issues; this daily job deletes the ones no longer valid (expired,
/// revoked, redeemed; ad-hoc authorizations left without tokens) created before
/// <see cref="MaintenanceOptions.PruneIdentityTokensAfter"/>, through OpenIddict's own managers. Global (the OpenIddict
/// tables belong to no tenant); deleting what is already gone deletes nothing, so repeats are harmless.
/// </summary>
public sealed class IdentityTokenPruningJob(
    IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, IOptions<MaintenanceOptions> options,
    TimeProvider time, ILogger<IdentityTokenPruningJob> logger)
{
    public const string RecurringJobId = "identity:prune";

    /// <summary>How many tokens and authorizations were deleted.</summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        var threshold = time.GetUtcNow() - options.Value.PruneIdentityTokensAfter;
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);
        logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations created before {Threshold}", prunedTokens, prunedAuthorizations,
            threshold);
        return prunedTokens + prunedAuthorizations;
    }
}
