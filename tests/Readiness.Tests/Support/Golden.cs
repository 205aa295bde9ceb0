namespace Readiness.Tests.Support;

/// <summary>
/// Compares output with a golden file under tests/Readiness.Tests/Golden. Set READINESS_UPDATE_GOLDEN=1 to rewrite
/// the golden files after an intended change, then review the diff in git.
/// </summary>
public static class Golden
{
    public static void Verify(string name, string actual) => VerifyFile(Path.Combine("tests", "Readiness.Tests", "Golden", name), actual);

    /// <summary>Compares output with a checked-in file elsewhere in the repository (generated source), the same way.</summary>
    public static void VerifyFile(string repoRelativePath, string actual)
    {
        var name = repoRelativePath;
        var path = Path.Combine(TestPaths.Repo, repoRelativePath);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("READINESS_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }
        File.Exists(path).ShouldBeTrue($"golden file {name} is missing; run the tests with READINESS_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            throw new Xunit.Sdk.XunitException(
                $"{name} differs from its golden file at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}\n(READINESS_UPDATE_GOLDEN=1 rewrites it after an intended change)");
        }
    }
}
