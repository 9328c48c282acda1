using Platform.Core.Files;

namespace Platform.Core.Orders;

/// <summary>
/// Signed <c>/d/{token}</c> links for a delivered file, made by the download side's <see cref="DownloadLinkFactory"/>.
/// The download endpoint checks the order's status and download count, so a refund kills every link at once.
/// </summary>
public sealed class DownloadLinks(DownloadLinkFactory factory)
{
    public string CreateUrl(Guid orderId, Guid fileId) => factory.CreateUrl(orderId, fileId).ToString();
}
