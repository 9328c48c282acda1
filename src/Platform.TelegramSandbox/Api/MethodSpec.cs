namespace Platform.TelegramSandbox.Api;

/// <summary>A served method: its name, the spec's return types and its parameter table.</summary>
internal sealed record MethodSpec(string Name, string[] Returns, ParamSpec[] Params);

/// <summary>One parameter as bot-api.json states it: name, required flag, allowed types.</summary>
internal sealed record ParamSpec(string Name, bool Required, string[] Types);
