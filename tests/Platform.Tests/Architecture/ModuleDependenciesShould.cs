using ArchUnitNET.Domain.Extensions;
using ArchUnitNET.Fluent;
using Platform.Tests.Infrastructure;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Platform.Tests.Architecture;

/// <summary>
/// The module map of docs/modules.md, checked: Platform.Core's feature namespaces point one way, the sellers' modules
/// (Orders, Payments, Catalog) never reach into the bot's inbox or conversation, and the two hosts stay apart.
/// </summary>
public sealed class ModuleDependenciesShould
{
    [Fact]
    public void Form_no_cycle_among_the_feature_namespaces_of_Core()
    {
        // Data is the persistence hub (the DbContext maps every module's entities): left out, as docs/modules.md says.
        var arrows = CoreModules.Arrows();
        arrows.Remove(CoreModules.PersistenceHub);
        foreach (var targets in arrows.Values)
        {
            targets.Remove(CoreModules.PersistenceHub);
        }

        var graph = arrows.ToDictionary(a => a.Key, a => (IReadOnlySet<string>)a.Value.Keys.ToHashSet());
        var cycles = NamespaceCycles.Find(graph);

        Assert.True(cycles.Count == 0, "Platform.Core's modules form cycles:\n" + string.Join("\n", cycles.Select(c => Explain(c, arrows))));
    }

    [Fact]
    public void Keep_Orders_Payments_and_Catalog_out_of_the_inbox_and_the_conversation()
    {
        var rule = Types().That().ResideInNamespaceMatching(@"^Platform\.Core\.(Orders|Payments|Catalog)(\..+)?$")
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(@"^Platform\.Core\.(Inbox|Conversation)(\..+)?$");

        var failures = rule.Evaluate(CoreModules.Architecture).Where(r => !r.Passed).Select(r => r.Description).ToList();
        Assert.True(rule.HasNoViolations(CoreModules.Architecture), string.Join("\n", failures));
    }

    [Fact]
    public void Keep_Web_and_Worker_from_referencing_each_other()
    {
        var web = typeof(Platform.Web.Telegram.TelegramIngressEndpoint).Assembly;
        var worker = typeof(Platform.Worker.WorkerHost).Assembly;

        Assert.DoesNotContain(web.GetReferencedAssemblies(), a => a.Name == worker.GetName().Name);
        Assert.DoesNotContain(worker.GetReferencedAssemblies(), a => a.Name == web.GetName().Name);
        // A project reference whose types are not used yet leaves no trace in the assembly: the project files say it first.
        Assert.DoesNotContain("Platform.Worker", ProjectReferences("Platform.Web"));
        Assert.DoesNotContain("Platform.Web", ProjectReferences("Platform.Worker"));
    }

    private static string Explain(string cycle, Dictionary<string, Dictionary<string, string>> arrows)
    {
        var modules = cycle.Split(" → ");
        var steps = modules.Zip(modules.Skip(1), (from, to) => $"    {arrows[from][to]}");
        return $"  {cycle}\n{string.Join("\n", steps)}";
    }

    private static IEnumerable<string> ProjectReferences(string project)
    {
        var file = RepositoryPaths.PathOf("src", project, $"{project}.csproj");
        return System.Xml.Linq.XDocument.Load(file).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string?)r.Attribute("Include") ?? string.Empty));
    }
}
