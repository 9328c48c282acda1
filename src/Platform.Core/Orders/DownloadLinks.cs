using Platform.Core.Files;

namespace Platform.Core.Orders;

/// <summary>
/// Signed <c>/d/{token}</c> links for a delivered file (stand-in for the merchant side's DownloadLinkFactory). The
/// download endpoint checks the order's status and download count, so a refund kills every link at once.
/// </summary>
public sealed class DownloadLinks(DownloadTokens tokens, IPublicBaseUrl publicBaseUrl, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public string CreateUrl(Guid tenantId, Guid orderId, Guid fileId)
    {
        var token = tokens.Create(new DownloadToken(tenantId, orderId, fileId, time.GetUtcNow() + Lifetime));
        return new Uri(publicBaseUrl.Value, $"d/{token}").ToString();
    }
}
