using System.Diagnostics;
using System.Text;
using Readiness.Runner.Sources.Files;
using Readiness.Tests.Support;

namespace Readiness.Tests.Sources;

/// <summary>
/// <see cref="GitIgnore"/> decides as git does. The oracle is `git check-ignore` itself, run over dotnet/efcore's
/// 350-line .gitignore and 440 paths, and over a hand-written .gitignore of the tricky cases (with a nested one) and
/// paths generated to hit each of them (Fixtures/Sources/gitignore): names, paths, extensions and suffixes are looked
/// up by hash and the rest matched by a port of git's wildmatch (issue 20), and every one must give git's answer.
/// </summary>
public sealed class GitIgnoreTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("readiness-gitignore-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void Decides_every_path_of_efcore_as_git_check_ignore_does()
    {
        var files = File.ReadAllLines(TestPaths.Fixture("Sources/gitignore/paths.txt")).Where(l => l.Length > 0).ToList();
        var (git, compared) = CompareWithGit([("", "efcore.gitignore")], files);
        compared.ShouldBeGreaterThan(300);
        git.Values.Count(v => v == true).ShouldBeGreaterThan(100);
        git[".axoCover/settings.json"].ShouldBe(false); // a negated line decides too
    }

    [Fact]
    public void Decides_the_tricky_cases_as_git_check_ignore_does()
    {
        // Every name in every folder, and every folder name (with a file in it) in every folder: each line of the
        // fixture meets names it matches and names it almost matches, at the root, anchored and deeper.
        string[] folders =
        [
            "", "a/", "a/x/", "a/b/", "a/x/y/b/", "b/", "cfg/", "a/cfg/", "cache/", "a/cache/", "docs/", "docs/deep/",
            "deep/", "deep/er/", "mid/", "mid/end/", "mid/1/end/2/", "p/", "p/xa/", "cls/", "generated/", "generated/keep/",
            "generated/other/", "out/", "out/x/", "secrets/", "nested/", "nested/sub/", "nested/sub/deeper/", "nested/a/",
        ];
        string[] names =
        [
            "main.o", "lib.a", "main.c", "x.oa", "file0.txt", "file2.txt", "file3.txt", "file-.txt", "logx.txt", "log5.txt",
            "log!.txt", "tmpd", "tmpa", "tmp", "tmp!", "]bracket", "xbracket", "bracket", "anotbracket", "]notbracket",
            "ynotbracket", "rangeadash", "range-dash", "rangebdash", "digit7", "digitx", "Abcase.md", "abcase.md",
            "ABcase.md", "badx", "bad[[:nope:]]", "unclosed[abc", "unclosedb", "star*name", "starxname", "question?name",
            "questionxname", "bracket[name", "bracketxname", "escaped", "trailing ", "trailing", "spaces", "spaces   ",
            "tab\t", "tab", "#hash", "hash", "!bang", "bang", "cafe", "café", "cafés", "triple", "xy", "xay", "one-level.cfg",
            "rootonly", "anchored", "a.tmp", "important.log", "keep.log", "other.log", "x.bin", "local", "m.x", "doc.txt",
            "x", "b", "z", "xz", "yz", "zz", "f",
        ];
        string[] folderNames = ["build", "out", "logs", "cache", "secrets", "generated", "keep", "deep", "cfg", "sub", "end", "dir.o", "other", "twice"];
        var generated = folders.SelectMany(f => names.Select(n => f + n).Concat(folderNames.Select(d => f + d + "/f"))).ToList();
        // A path that is also some other path's folder stays a folder.
        var asFolders = generated.SelectMany(Ancestors).ToHashSet(StringComparer.Ordinal);
        var files = generated.Where(p => !asFolders.Contains(p)).Distinct().ToList();

        var (git, compared) = CompareWithGit([("", "tricky.gitignore"), ("nested", "tricky-nested.gitignore")], files);
        compared.ShouldBeGreaterThan(2000);
        // The cases are really met (so a fixture edit cannot quietly turn them into "no line matches").
        git["cafe"].ShouldBe(true);
        git["café"].ShouldBeNull(); // '?' is one byte, 'é' two
        git["trailing "].ShouldBe(true);
        git["trailing"].ShouldBeNull();
        git["spaces"].ShouldBe(true);
        git["tab\t"].ShouldBe(true);
        git["]bracket"].ShouldBe(true);
        git["a/x/b"].ShouldBe(true);
        git["a/x/y/b"].ShouldBe(true);
        git["p/xa/f"].ShouldBeNull(); // "p/x**y": '**' inside a name does not cross '/'
        git["cls/x"].ShouldBeNull(); // a class never matches '/'
        git["mid/1/end/2/z"].ShouldBe(true);
        git["keep.log"].ShouldBe(false);
        git["secrets"].ShouldBe(false);
        git["generated/keep"].ShouldBe(false);
        git["nested/important.log"].ShouldBe(false); // the nested file wins over the root's "*.log"
        git["twice"].ShouldBeNull();
        git["anchored"].ShouldBeNull();
        git["nested/anchored"].ShouldBe(true);
        git["nested/a/anchored"].ShouldBeNull();
    }

    /// <summary>
    /// Writes the ignore files and the files (empty) into a fresh repository, asks git about every file and folder,
    /// and asserts that <see cref="GitIgnore.Decide"/> answers the same; git's answers and how many were compared.
    /// </summary>
    private (Dictionary<string, bool?> Git, int Compared) CompareWithGit(IReadOnlyList<(string Folder, string Fixture)> ignoreFiles, IReadOnlyList<string> files)
    {
        var directories = files.SelectMany(Ancestors).Distinct().Order(StringComparer.Ordinal).ToList();
        Git("init", "-q");
        foreach (var file in files)
        {
            var full = Path.Combine(root.FullName, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "");
        }
        var ignores = new List<GitIgnore>();
        foreach (var (folder, fixture) in ignoreFiles)
        {
            var source = TestPaths.Fixture("Sources/gitignore/" + fixture);
            File.Copy(source, Path.Combine(root.FullName, folder, ".gitignore"));
            ignores.Add(new GitIgnore(folder, File.ReadAllLines(source)));
        }

        var git = CheckIgnore([.. directories, .. files]);
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var (path, isDirectory) in directories.Select(d => (d, true)).Concat(files.Select(f => (f, false))))
        {
            // The walker never enters an ignored folder, so what lies inside one is never asked.
            if (Ancestors(path).Any(a => git[a] == true)) continue;
            compared++;
            // Only the ignore files of the path's folder and its parents apply, as in the walker.
            var along = ignores.Where(i => i.BaseDirectory.Length == 0 || path.StartsWith(i.BaseDirectory + "/", StringComparison.Ordinal)).ToList();
            var decided = GitIgnore.Decide(along, path, isDirectory);
            if (decided != git[path]) mismatches.Add($"{path}{(isDirectory ? "/" : "")}: git says {Say(git[path])}, GitIgnore says {Say(decided)}");
        }
        mismatches.ShouldBeEmpty();
        return (git, compared);

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
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = root.FullName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
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
