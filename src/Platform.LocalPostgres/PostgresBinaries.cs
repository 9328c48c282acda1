namespace Platform.LocalPostgres;

/// <summary>
/// Locates the PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>):
/// the first PATH directory holding all three, then the highest <c>/usr/lib/postgresql/*/bin</c>.
/// </summary>
public sealed class PostgresBinaries
{
    /// <summary>The one line to print when no server binaries are available.</summary>
    public const string NotFoundMessage =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian/Ubuntu: sudo apt-get install -y postgresql) or " +
            "set ConnectionStrings:Platform.";

    public const string DebianRoot = "/usr/lib/postgresql";

    private PostgresBinaries(string binDirectory) => BinDirectory = binDirectory;

    public string BinDirectory { get; }
    public string InitDb => Path.Combine(BinDirectory, "initdb");
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");
    public string Postgres => Path.Combine(BinDirectory, "postgres");

    /// <summary>Finds the binaries or throws <see cref="PostgresBinariesNotFoundException"/>.</summary>
    public static PostgresBinaries Find() => TryFind() ?? throw new PostgresBinariesNotFoundException();

    /// <summary>Finds the binaries, or returns null.</summary>
    public static PostgresBinaries? TryFind() =>
        TryFind(Environment.GetEnvironmentVariable("PATH"), DebianRoot);

    internal static PostgresBinaries? TryFind(string? pathVariable, string debianRoot)
    {
        foreach (var dir in (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasAll(dir))
                return new PostgresBinaries(Path.GetFullPath(dir));
        }

        if (!Directory.Exists(debianRoot))
            return null;

        var best = Directory.EnumerateDirectories(debianRoot)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
            .Where(c => c.Version is not null && HasAll(c.Dir))
            .OrderByDescending(c => c.Version)
            .FirstOrDefault();
        return best.Dir is null ? null : new PostgresBinaries(best.Dir);
    }

    private static Version? ParseVersion(string name) =>
        int.TryParse(name, out var major) ? new Version(major, 0)
        : Version.TryParse(name, out var v) ? v
        : null;

    private static bool HasAll(string dir) =>
        IsExecutableFile(Path.Combine(dir, "initdb"))
        && IsExecutableFile(Path.Combine(dir, "pg_ctl"))
        && IsExecutableFile(Path.Combine(dir, "postgres"));

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        try
        {
            return (File.GetUnixFileMode(path) & anyExecute) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }
}

/// <summary>Thrown when the PostgreSQL server binaries are not installed; its message is <see cref="PostgresBinaries.NotFoundMessage"/>.</summary>
public sealed class PostgresBinariesNotFoundException : Exception
{
    public PostgresBinariesNotFoundException() : base(PostgresBinaries.NotFoundMessage) { }
}
