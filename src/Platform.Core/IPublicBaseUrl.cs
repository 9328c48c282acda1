namespace Platform.Core;

/// <summary>
/// The platform's public address, for links it hands out (download links, Telegram webhook URLs). The web
/// host provides it: the configured <c>Platform:PublicBaseUrl</c>, or locally the address it listens on.
/// </summary>
public interface IPublicBaseUrl
{
    Uri Value { get; }
}
