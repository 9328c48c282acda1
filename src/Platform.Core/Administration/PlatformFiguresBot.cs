namespace Platform.Core.Administration;

/// <summary>A bot whose Telegram webhook is failing (Broken, or a last error kept from the last sync), with its store.</summary>
public sealed record PlatformFiguresBot(Guid TenantId, string StoreName, string Username, bool Broken, string? LastError);
