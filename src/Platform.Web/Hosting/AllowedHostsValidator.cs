using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Platform.Web.Hosting;

/// <summary>
/// Outside Development and Testing the host must name the host names it answers to: with <c>AllowedHosts</c>
/// unset or <c>*</c>, any Host header reaches the app, and anything that still reads it (a library, a future page)
/// could be poisoned. Links we send never read the Host (they use <c>Platform:PublicBaseUrl</c>); this is the second fence.
/// </summary>
internal sealed class AllowedHostsValidator(bool isLocal) : IValidateOptions<HostFilteringOptions>
{
    public ValidateOptionsResult Validate(string? name, HostFilteringOptions options)
    {
        if (isLocal)
        {
            return ValidateOptionsResult.Success;
        }

        var hosts = options.AllowedHosts ?? [];
        return hosts.Count == 0 || hosts.Any(h => h.Trim() is "*" or "")
            ? ValidateOptionsResult.Fail("AllowedHosts is unset or '*'. Outside Development and Testing set it to this platform's public " +
                "host names, separated by ';' (e.g. \"starfront.example;www.starfront.example\"), so requests with a foreign Host header are refused.")
            : ValidateOptionsResult.Success;
    }
}
