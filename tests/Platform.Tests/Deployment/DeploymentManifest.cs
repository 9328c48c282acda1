using YamlDotNet.RepresentationModel;

namespace Platform.Tests.Deployment;

/// <summary>One rendered Kubernetes object, with the few ways of reading it the chart tests need.</summary>
public sealed class DeploymentManifest(YamlMappingNode root)
{
    public YamlMappingNode Root { get; } = root;

    public string Kind => Text(Root, "kind") ?? "";

    public string Name => Text(Root, "metadata", "name") ?? "";

    /// <summary>The pod spec of a Deployment or Job; null for other kinds.</summary>
    public YamlMappingNode? PodSpec => Kind is "Deployment" or "Job" ? Node(Root, "spec", "template", "spec") as YamlMappingNode : null;

    public IEnumerable<YamlMappingNode> Containers =>
        PodSpec is { } spec ? Sequence(spec, "containers").OfType<YamlMappingNode>().Concat(Sequence(spec, "initContainers").OfType<YamlMappingNode>()) : [];

    public override string ToString() => $"{Kind}/{Name}";

    public static YamlNode? Node(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Text(YamlNode? node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Sequence(YamlNode? node, params string[] path) => Node(node, path) as YamlSequenceNode ?? [];

    /// <summary>Every environment variable of a container: (name, plain value or null, the valueFrom node or null).</summary>
    public static IEnumerable<(string Name, string? Value, YamlNode? From)> Environment(YamlMappingNode container) =>
        Sequence(container, "env").OfType<YamlMappingNode>().Select(e => (Text(e, "name") ?? "", Text(e, "value"), Node(e, "valueFrom")));
}
