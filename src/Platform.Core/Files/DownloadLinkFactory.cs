using Microsoft.Extensions.Options;
using Platform.Core.Tenancy;

namespace Platform.Core.Files;

/// <summary>
/// Makes the signed <c>/d/{token}</c> link for a file of an order of the current tenant, valid for
/// <see cref="DownloadTokenOptions.LinkLifetime"/>. For the bot's fulfilment and /orders resend.
/// </summary>
public sealed class DownloadLinkFactory(
    DownloadTokens tokens, IPublicBaseUrl publicBaseUrl, IOptions<DownloadTokenOptions> options, ITenantContextAccessor tenant, TimeProvider time)
{
    public Uri CreateUrl(Guid orderId, Guid fileId)
    {
        var tenantId = tenant.Tenant?.Id ?? throw new InvalidOperationException("Download links need a tenant scope.");
        var token = tokens.Create(new DownloadToken(tenantId, orderId, fileId, time.GetUtcNow() + options.Value.LinkLifetime));
        return new Uri(publicBaseUrl.Value, "d/" + token);
    }
}
