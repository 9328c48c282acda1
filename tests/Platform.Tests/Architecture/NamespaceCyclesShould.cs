namespace Platform.Tests.Architecture;

/// <summary>The cycle finder on hand-made graphs: proof that the module test fails when a back reference appears.</summary>
public sealed class NamespaceCyclesShould
{
    [Fact]
    public void Find_nothing_when_every_arrow_points_one_way()
    {
        var graph = Graph(("Inbox", "Conversation"), ("Conversation", "Orders"), ("Orders", "Outbound"), ("Conversation", "Outbound"));

        Assert.Empty(NamespaceCycles.Find(graph));
    }

    [Fact]
    public void Name_the_cycle_when_a_module_points_back()
    {
        var graph = Graph(("Conversation", "Orders"), ("Orders", "Outbound"), ("Outbound", "Conversation"), ("Inbox", "Conversation"));

        var cycle = Assert.Single(NamespaceCycles.Find(graph));
        Assert.Equal("Conversation → Orders → Outbound → Conversation", cycle);
    }

    [Fact]
    public void Name_one_cycle_per_knot_when_there_are_several()
    {
        var graph = Graph(("Bots", "Orders"), ("Orders", "Bots"), ("Files", "Catalog"), ("Catalog", "Files"), ("Orders", "Catalog"));

        Assert.Equal(["Bots → Orders → Bots", "Catalog → Files → Catalog"], NamespaceCycles.Find(graph));
    }

    private static Dictionary<string, IReadOnlySet<string>> Graph(params (string From, string To)[] arrows) =>
        arrows.GroupBy(a => a.From).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(a => a.To).ToHashSet());
}
