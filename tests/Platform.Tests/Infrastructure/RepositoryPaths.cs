namespace Platform.Tests.Infrastructure;

/// <summary>
/// The checkout the tests run from: docs and charts are read as committed (not a copy in bin/), and the apps that tests
/// start as OS processes are the build outputs of their own projects, in the configuration the tests were built in.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary><c>src/{project}/bin/{Debug|Release}/net10.0/{project}.dll</c>; fails with "build it first" when missing.</summary>
    public static string BuiltDll(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var dll = PathOf("src", project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {project} first.", dll);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Platform.sln) not found.");
    }
}
