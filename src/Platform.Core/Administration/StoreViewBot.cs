using Platform.Core.Bots;

namespace Platform.Core.Administration;

/// <summary>A bot as the admin's store view shows it: never its token or webhook secret.</summary>
public sealed record StoreViewBot(string Username, BotStatus Status, string? LastError);
