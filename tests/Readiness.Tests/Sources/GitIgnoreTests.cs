using System.Diagnostics;
using Readiness.Runner.Sources.Files;
using Readiness.Tests.Support;

namespace Readiness.Tests.Sources;

/// <summary>
/// <see cref="GitIgnore"/> decides as git does. The oracle is `git check-ignore` itself, run over dotnet/efcore's
/// 350-line .gitignore and 440 paths (Fixtures/Sources/gitignore): names, paths, extensions and suffixes are looked
/// up by hash and the rest run as regexes (issue 20), and every one of those must give git's answer.
/// </summary>
public sealed class GitIgnoreTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("readiness-gitignore-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void Decides_every_path_as_git_check_ignore_does()
    {
        var ignoreFile = TestPaths.Fixture("Sources/gitignore/efcore.gitignore");
        var files = File.ReadAllLines(TestPaths.Fixture("Sources/gitignore/paths.txt")).Where(l => l.Length > 0).ToList();
        var directories = files.SelectMany(Ancestors).Distinct().Order(StringComparer.Ordinal).ToList();
        Git("init", "-q");
        File.Copy(ignoreFile, Path.Combine(root.FullName, ".gitignore"));
        foreach (var file in files)
        {
            var full = Path.Combine(root.FullName, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "");
        }

        var git = CheckIgnore([.. directories, .. files]);
        var ignore = new GitIgnore("", File.ReadAllLines(ignoreFile));
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var (path, isDirectory) in directories.Select(d => (d, true)).Concat(files.Select(f => (f, false))))
        {
            // The walker never enters an ignored folder, so what lies inside one is never asked.
            if (Ancestors(path).Any(a => git[a] == true)) continue;
            compared++;
            var decided = ignore.IsIgnored(path, isDirectory);
            if (decided != git[path]) mismatches.Add($"{path}{(isDirectory ? "/" : "")}: git says {Say(git[path])}, GitIgnore says {Say(decided)}");
        }
        mismatches.ShouldBeEmpty();
        compared.ShouldBeGreaterThan(300);
        git.Values.Count(v => v == true).ShouldBeGreaterThan(100);
        git[".axoCover/settings.json"].ShouldBe(false); // a negated line decides too

        static string Say(bool? decision) => decision switch { true => "ignored", false => "re-included", null => "no line matches" };
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1)) yield return path[..slash];
    }

    /// <summary>git's last matching line for each path: true (ignored), false (a '!' line), null (none).</summary>
    private Dictionary<string, bool?> CheckIgnore(IReadOnlyList<string> paths)
    {
        // -z: NUL-separated in and out (source, line number, pattern, path), so no path is quoted.
        var fields = GitWithInput(string.Join('\0', paths) + "\0", "check-ignore", "--no-index", "-v", "-n", "-z", "--stdin").Split('\0');
        var result = new Dictionary<string, bool?>(StringComparer.Ordinal);
        for (var i = 0; i + 3 < fields.Length; i += 4)
            result[fields[i + 3]] = fields[i].Length == 0 ? null : !fields[i + 2].StartsWith('!');
        result.Count.ShouldBe(paths.Count);
        return result;
    }

    private string Git(params string[] args) => GitWithInput(null, args);

    private string GitWithInput(string? input, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root.FullName, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        // Only the fixture's .gitignore decides: no user-wide excludes file.
        foreach (var arg in (string[])["-c", "core.excludesFile=/dev/null", .. args]) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        // check-ignore exits 1 when nothing is ignored; anything else is a failure to run.
        process.ExitCode.ShouldBeOneOf([0, 1], error);
        return output;
    }
}
