namespace Platform.Core.Webhooks;

/// <summary>Thrown from the connect callback when every address of a host is refused by <see cref="WebhookAddressPolicy"/>.</summary>
public sealed class WebhookAddressRefusedException(string message) : IOException(message);
