namespace Readiness.Tests.Support;

/// <summary>Paths into the repository, found from the test binary by walking up to Readiness.sln.</summary>
public static class TestPaths
{
    public static string Repo { get; } = FindRepo();
    public static string Fixtures => Path.Combine(Repo, "tests", "Readiness.Tests", "Fixtures");
    public static string Samples => Path.Combine(Repo, "samples");

    public static string Fixture(string relative) => Path.Combine(Fixtures, relative);

    /// <summary>Every fixture and sample file matching <paramref name="pattern"/>, each with its path relative to its root.</summary>
    public static List<Readiness.Rules.Model.SourceFile> FixtureAndSampleFiles(string pattern) =>
        new[] { Fixtures, Samples }
            .SelectMany(root => Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
                .Select(path => new Readiness.Rules.Model.SourceFile(Path.GetRelativePath(root, path), File.ReadAllText(path))))
            .ToList();

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Readiness.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Readiness.sln not found above " + AppContext.BaseDirectory);
    }
}
