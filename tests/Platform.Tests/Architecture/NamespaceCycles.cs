namespace Platform.Tests.Architecture;

/// <summary>
/// Finds cycles in a graph of module names (module → the modules it uses). Kept apart from the assembly loading so it
/// can be shown to fail on a tiny graph: an architecture test that cannot fail proves nothing.
/// </summary>
public static class NamespaceCycles
{
    /// <summary>
    /// One cycle per group of modules that reach each other (a strongly connected component), written as a path that
    /// ends where it starts, e.g. <c>Bots → Orders → Bots</c>. Empty when the graph has one direction only.
    /// </summary>
    public static IReadOnlyList<string> Find(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        var cycles = new List<string>();
        var done = new HashSet<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (done.Contains(start))
            {
                continue;
            }

            // Everything start reaches, and everything that reaches start back, is start's group.
            var group = Reachable(graph, start).Where(n => Reachable(graph, n).Contains(start)).ToHashSet();
            done.UnionWith(group);
            if (group.Count > 1 || Targets(graph, start).Contains(start))
            {
                cycles.Add(string.Join(" → ", PathBack(graph, start, group)));
            }
        }

        return cycles;
    }

    private static HashSet<string> Reachable(IReadOnlyDictionary<string, IReadOnlySet<string>> graph, string from)
    {
        var seen = new HashSet<string> { from };
        var work = new Stack<string>([from]);
        while (work.TryPop(out var node))
        {
            foreach (var next in Targets(graph, node).Where(seen.Add))
            {
                work.Push(next);
            }
        }

        return seen;
    }

    /// <summary>A shortest path from <paramref name="start"/> back to itself inside its group (breadth first).</summary>
    private static List<string> PathBack(IReadOnlyDictionary<string, IReadOnlySet<string>> graph, string start, HashSet<string> group)
    {
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in Targets(graph, node).Where(group.Contains).Order(StringComparer.Ordinal))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var at = node; at != start; at = previous[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse();
                    return path;
                }

                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [start];
    }

    private static IEnumerable<string> Targets(IReadOnlyDictionary<string, IReadOnlySet<string>> graph, string node) =>
        graph.TryGetValue(node, out var targets) ? targets : [];
}
