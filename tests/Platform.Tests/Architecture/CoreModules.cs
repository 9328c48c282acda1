using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Platform.Core.Data;

namespace Platform.Tests.Architecture;

/// <summary>
/// Platform.Core as ArchUnitNET reads it (every type, and every type each one uses: signatures, fields, method bodies,
/// lambdas), folded into feature modules — the first namespace segment under <c>Platform.Core</c>. Loaded once per test run.
/// </summary>
public static class CoreModules
{
    /// <summary>
    /// The persistence hub, left out of the cycle rule: <c>PlatformDbContext</c>, its configurations and its
    /// migrations map every module's entities, and every module reaches its own tables through it.
    /// </summary>
    public const string PersistenceHub = "Data";

    private const string Prefix = "Platform.Core.";

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() => new ArchLoader().LoadAssemblies(typeof(PlatformDbContext).Assembly)
        .Build());

    public static ArchUnitNET.Domain.Architecture Architecture => Loaded.Value;

    /// <summary>
    /// Module → modules it uses, each arrow with one type that shows it (<c>Orders.FulfilmentService → Outbound.BotChat</c>).
    /// The root namespace (<c>Platform.Core</c>: the composition, <c>IPublicBaseUrl</c>) is not a feature module.
    /// </summary>
    public static Dictionary<string, Dictionary<string, string>> Arrows()
    {
        var arrows = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in Architecture.Types)
        {
            if (ModuleOf(type) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                if (ModuleOf(dependency.Target) is { } to && to != from)
                {
                    var targets = arrows.TryGetValue(from, out var found) ? found : arrows[from] = [];
                    targets.TryAdd(to, $"{Short(type)} → {Short(dependency.Target)}");
                }
            }
        }

        return arrows;
    }

    /// <summary>The feature module a type belongs to (<c>Platform.Core.Outbound.Texts.BotTexts</c> → <c>Outbound</c>); null outside them.</summary>
    public static string? ModuleOf(IType type)
    {
        var ns = NamespaceOf(type);
        if (!ns.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[Prefix.Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>The namespace, also for nested and compiler-made types (closures, lambdas), which take their outer type's.</summary>
    private static string NamespaceOf(IType type)
    {
        if (type.Namespace is { FullName: { Length: > 0 } ns })
        {
            return ns;
        }

        var outer = type.FullName.Split('+', '/')[0];
        var dot = outer.LastIndexOf('.');
        return dot < 0 ? string.Empty : outer[..dot];
    }

    private static string Short(IType type) => type.FullName.StartsWith(Prefix, StringComparison.Ordinal) ? type.FullName[Prefix.Length..] : type.FullName;
}
