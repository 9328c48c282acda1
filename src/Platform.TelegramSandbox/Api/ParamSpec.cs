namespace Platform.TelegramSandbox.Api;

/// <summary>One parameter as bot-api.json states it: name, required flag, allowed types.</summary>
internal sealed record ParamSpec(string Name, bool Required, string[] Types);
