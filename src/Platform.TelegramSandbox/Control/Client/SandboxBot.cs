namespace Platform.TelegramSandbox.Control.Client;

/// <summary>A bot created through the sandbox's BotFather. The token is a secret: do not log it.</summary>
public sealed record SandboxBot(long Id, string Username, string FirstName, string Token);
