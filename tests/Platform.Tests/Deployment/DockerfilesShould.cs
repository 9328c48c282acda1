using System.Text.RegularExpressions;
using System.Xml.Linq;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Deployment;

/// <summary>
/// The three Dockerfiles, read as text: no container engine runs on these machines, so the images are never built here
/// (docs/deployment.md says so). What is checked is what a reviewer would check: two stages on pinned 10.0 images, a
/// numeric non-root user, a HEALTHCHECK through the app's own probe, an entry point that the publish output really has,
/// and no secret in the image's environment.
/// </summary>
public sealed partial class DockerfilesShould
{
    public static TheoryData<string, string> Images => new()
    {
        { "src/Platform.Web/Dockerfile", "Platform.Web" },
        { "src/Platform.Worker/Dockerfile", "Platform.Worker" },
        { "src/Platform.TelegramSandbox/Dockerfile", "Platform.TelegramSandbox" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Build_with_the_10_0_sdk_and_run_on_the_10_0_aspnet_runtime_in_two_stages(string dockerfile, string project)
    {
        var from = Instructions(dockerfile, "FROM");
        Assert.Equal(2, from.Count);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0 AS build", from[0]);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", from[1]);
        Assert.Contains(Instructions(dockerfile, "RUN"), r => r.StartsWith($"dotnet publish src/{project}/{project}.csproj", StringComparison.Ordinal));
        Assert.Contains(Instructions(dockerfile, "COPY"), c => c.StartsWith("--from=build /app", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Run_as_a_numeric_non_root_user_after_every_root_step(string dockerfile, string project)
    {
        var lines = Lines(dockerfile);
        var user = Assert.Single(lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.Matches("^USER [1-9][0-9]*$", user);
        // Nothing after USER runs or copies as root again, and USER is in the runtime stage.
        var userIndex = lines.IndexOf(user);
        Assert.True(userIndex > lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal)), project);
        Assert.DoesNotContain(lines.Skip(userIndex), l => l.StartsWith("RUN ", StringComparison.Ordinal) || l.StartsWith("COPY ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Start_the_published_dll_and_check_its_health_through_the_apps_own_probe(string dockerfile, string project)
    {
        var assembly = AssemblyName(project) + ".dll";
        Assert.Equal($"[\"dotnet\", \"{assembly}\"]", Assert.Single(Instructions(dockerfile, "ENTRYPOINT")));
        var health = Assert.Single(Instructions(dockerfile, "HEALTHCHECK"));
        Assert.Matches($@"CMD \[""dotnet"", ""{Regex.Escape(assembly)}"", ""health-probe"", ""http://127\.0\.0\.1:[0-9]+/health/live""\]$", health);
        var exposed = Assert.Single(Instructions(dockerfile, "EXPOSE")).Split(' ');
        var probed = Regex.Match(health, "127.0.0.1:([0-9]+)/").Groups[1].Value;
        Assert.Contains(probed, exposed);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Suit_a_read_only_root_filesystem_and_hold_no_secrets(string dockerfile, string project)
    {
        var env = string.Join(' ', Instructions(dockerfile, "ENV"));
        Assert.Contains("DOTNET_EnableDiagnostics=0", env, StringComparison.Ordinal);
        Assert.Contains("TMPDIR=/tmp", env, StringComparison.Ordinal);
        Assert.Contains("\"/tmp\"", Assert.Single(Instructions(dockerfile, "VOLUME")), StringComparison.Ordinal);
        var names = EnvName().Matches(env).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, n => SecretName().IsMatch(n));
        Assert.DoesNotContain(Lines(dockerfile), l => l.StartsWith("ARG ", StringComparison.Ordinal) && SecretName().IsMatch(l));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "src", project, $"{project}.csproj")), project);
    }

    [Fact]
    public void Share_one_dockerignore_that_keeps_local_state_and_build_output_out_of_the_context()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore"));
        foreach (var entry in new[] { "**/bin/", "**/obj/", ".data/", ".tools/", ".git/" })
        {
            Assert.Contains(entry, ignored);
        }
    }

    /// <summary>The assembly a project publishes: its AssemblyName, or the project's name.</summary>
    private static string AssemblyName(string project)
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", project, $"{project}.csproj"));
        return csproj.Descendants("AssemblyName").FirstOrDefault()?.Value ?? project;
    }

    /// <summary>The instructions of the file, continuation lines joined, comments dropped.</summary>
    private static List<string> Lines(string dockerfile)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, dockerfile));
        var joined = Regex.Replace(text, @"\\\r?\n\s*", " ");
        return [.. joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    private static List<string> Instructions(string dockerfile, string keyword) =>
        [.. Lines(dockerfile).Where(l => l.StartsWith(keyword + " ", StringComparison.Ordinal)).Select(l => l[(keyword.Length + 1)..].Trim())];

    [GeneratedRegex(@"(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex EnvName();

    [GeneratedRegex("(Password|Secret|SigningKey|AccessKey|Token|ConnectionStrings|Certificate)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
