using System.Net;
using System.Net.Sockets;

namespace Platform.Core.Webhooks;

/// <summary>Save-time check of an endpoint URL; returns a message fit for a form or problem details, or null when fine.</summary>
public sealed class WebhookUrlValidator(WebhookAddressPolicy policy)
{
    public async Task<string?> ValidateAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > WebhookEndpoint.UrlMaxLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Enter an absolute https:// URL (at most 2048 characters).";
        }

        if (policy.RequireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            return "The URL must use https://.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Put credentials in your receiver, not in the URL; verify the webhook-signature header instead.";
        }

        if (!policy.BlockPrivateAddresses)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(uri.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host {uri.Host} could not be resolved.";
        }

        return addresses.Length == 0 || addresses.Any(a => !policy.IsAllowed(a))
            ? $"The host {uri.Host} resolves to a private, loopback, link-local or metadata address; webhooks can only go to public addresses."
            : null;
    }
}
