using System.Reflection;

namespace Platform.Core.Events;

/// <summary>
/// Every event record by its type name. Found by reflection, so a new record gets its schema and its docs check
/// without being listed here; two records claiming one name fail at first use.
/// </summary>
public static class EventCatalog
{
    private static readonly MethodInfo TypeNameMethod =
        typeof(EventCatalog).GetMethod(nameof(TypeNameOf), 1, BindingFlags.NonPublic | BindingFlags.Static, null, [], null)!;

    public static IReadOnlyDictionary<string, Type> Records { get; } = typeof(IPlatformEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IPlatformEvent)))
        .ToDictionary(TypeNameOf, StringComparer.Ordinal);

    /// <summary>The record's <see cref="IPlatformEvent.TypeName"/>.</summary>
    public static string TypeNameOf(Type record) => (string)TypeNameMethod.MakeGenericMethod(record).Invoke(null, null)!;

    private static string TypeNameOf<TEvent>() where TEvent : IPlatformEvent => TEvent.TypeName;
}
