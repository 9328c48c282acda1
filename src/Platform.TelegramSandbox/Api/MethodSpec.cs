namespace Platform.TelegramSandbox.Api;

/// <summary>A served method: its name, the spec's return types and its parameter table.</summary>
internal sealed record MethodSpec(string Name, string[] Returns, ParamSpec[] Params);
