using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Readiness.Rules.Model;
using Readiness.Runner.Sources.Files;
using Readiness.Tests.Support;

namespace Readiness.Tests.Faults;

/// <summary>
/// Hostile trees built on disk (special files, links out of the tree, deep paths, other encodings, huge files cannot
/// live in git): each case asserts what was skipped or is a gap, and that the ordinary file beside it was still read.
/// </summary>
public sealed class FileSystemFaultTests : IDisposable
{
    private const string StripeKey = "sk_live_3HvTk5mhheNmlpPMIhlRhPoz";
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("readiness-hostile-");
    private readonly DirectoryInfo outside = Directory.CreateTempSubdirectory("readiness-outside-");

    public void Dispose()
    {
        // rm, because .NET cannot delete below the path length limit the deep-path case builds.
        Run("rm", "-rf", root.FullName, outside.FullName);
    }

    private string PathOf(string relative) => Path.Combine(root.FullName, relative);

    private void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    private (List<SourceFile> Files, Coverage Coverage) Walk(FileWalkOptions? options = null)
    {
        Write("ok.py", "DEBUG = False\n");
        var files = new ConcurrentBag<SourceFile>();
        var coverage = new Coverage();
        var walk = Task.Run(() => new FileWalker(options ?? new FileWalkOptions()).Walk(root.FullName, files.Add, coverage));
        walk.Wait(TimeSpan.FromSeconds(60)).ShouldBeTrue("the walk must end");
        var list = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        list.ShouldContain(f => f.Path == "ok.py", "the ordinary file beside the hostile one is still read");
        return (list, coverage);
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
    }

    [Fact]
    public void A_fifo_named_like_settings_is_skipped_without_opening_it()
    {
        Run("mkfifo", PathOf("settings.py"));
        var (files, coverage) = Walk();
        files.ShouldNotContain(f => f.Path == "settings.py");
        coverage.Skipped.ShouldContain(s => s.Scope == "settings.py" && s.Reason == "not a regular file (FIFO, socket or device), not opened");
        coverage.Gaps.ShouldBeEmpty();
    }

    [Fact]
    public void Devices_are_special_files()
    {
        FileSystemEntry.Of("/dev/zero").ShouldBe(FileSystemEntry.Kind.Special);
        FileSystemEntry.Of("/dev/null").ShouldBe(FileSystemEntry.Kind.Special);
        FileSystemEntry.Of(root.FullName).ShouldBe(FileSystemEntry.Kind.Directory);
        FileSystemEntry.Of(PathOf("nothing-here")).ShouldBe(FileSystemEntry.Kind.Missing);
    }

    [Fact]
    public void Symbolic_links_out_of_the_tree_are_not_followed_and_said_in_coverage()
    {
        File.WriteAllText(Path.Combine(outside.FullName, "id_rsa"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        Directory.CreateSymbolicLink(PathOf("etc"), outside.FullName);
        File.CreateSymbolicLink(PathOf("key.pem"), Path.Combine(outside.FullName, "id_rsa"));
        File.CreateSymbolicLink(PathOf("zero.txt"), "/dev/zero");
        Directory.CreateDirectory(PathOf("app"));
        File.CreateSymbolicLink(PathOf("app/escape.py"), "../../" + outside.Name + "/id_rsa");
        File.CreateSymbolicLink(PathOf("inside.py"), PathOf("ok.py"));

        var (files, coverage) = Walk();

        files.Select(f => f.Path).ShouldBe(["inside.py", "ok.py"]);
        foreach (var link in new[] { "etc", "key.pem", "zero.txt", "app/escape.py" })
            coverage.Skipped.ShouldContain(s => s.Scope == link && s.Reason == "symbolic link to outside the scanned folder, not followed", link);
        coverage.Gaps.ShouldBeEmpty();
    }

    [Fact]
    public void A_dangling_symbolic_link_is_a_skip_not_a_gap()
    {
        File.CreateSymbolicLink(PathOf("gone.py"), PathOf("never-written.py"));
        var (_, coverage) = Walk();
        coverage.Skipped.ShouldContain(s => s.Scope == "gone.py" && s.Reason == "broken symbolic link");
        coverage.Gaps.ShouldBeEmpty();
    }

    [Fact]
    public void A_path_beyond_the_systems_limit_is_a_gap_and_the_rest_is_read()
    {
        // 45 folders of 99 characters: about 4,500 bytes, past Linux's 4,096; built one relative step at a time.
        var name = new string('d', 99);
        Run("python3", "-c", $"import os\nos.chdir('{root.FullName}')\nfor i in range(45):\n    os.mkdir('{name}'); os.chdir('{name}')\nopen('deep.py', 'w').write('x = 1')");

        var (files, coverage) = Walk();

        files.ShouldAllBe(f => f.Path.Length < 4096);
        var gap = coverage.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe(string.Join("/", Enumerable.Repeat(name, 41)), "the first folder past the limit");
        gap.Reason.ShouldBe("cannot examine: the path is longer than the system's 4096-byte limit");
    }

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "utf-16le-bom", [.. new UnicodeEncoding(false, true).GetPreamble(), .. Encoding.Unicode.GetBytes(Secret)] },
        { "utf-16be-bom", [.. new UnicodeEncoding(true, true).GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Secret)] },
        { "utf-16le", Encoding.Unicode.GetBytes(Secret) },
        { "utf-16be", Encoding.BigEndianUnicode.GetBytes(Secret) },
        { "utf-32le-bom", [.. new UTF32Encoding(false, true).GetPreamble(), .. new UTF32Encoding(false, false).GetBytes(Secret)] },
        { "utf-32be-bom", [.. new UTF32Encoding(true, true).GetPreamble(), .. new UTF32Encoding(true, false).GetBytes(Secret)] },
        { "utf-32le", new UTF32Encoding(false, false).GetBytes(Secret) },
        { "utf-32be", new UTF32Encoding(true, false).GetBytes(Secret) },
        { "utf-8-bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Secret)] },
    };

    private const string Secret = "STRIPE_SECRET_KEY=" + StripeKey + "\nDEBUG=false\n";

    [Theory, MemberData(nameof(Encodings))]
    public void Utf16_and_utf32_with_or_without_a_mark_are_decoded(string encoding, byte[] bytes)
    {
        File.WriteAllBytes(PathOf(".env.production"), bytes);
        var (files, coverage) = Walk();
        files.Single(f => f.Path == ".env.production").Text.ShouldBe(Secret, encoding);
        coverage.Gaps.ShouldBeEmpty();
    }

    [Fact]
    public void A_utf16_env_file_holding_a_live_key_is_not_ready()
    {
        File.WriteAllBytes(PathOf(".env.production"), [.. new UnicodeEncoding(false, true).GetPreamble(), .. Encoding.Unicode.GetBytes(Secret)]);
        var outcome = CliRunner.Run("scan", root.FullName, "--format", "json", "--output-dir", Path.Combine(outside.FullName, "report"));
        outcome.ExitCode.ShouldBe(1, outcome.Stdout + outcome.Stderr);
        outcome.Stdout.ShouldContain("RDY1001");
        outcome.Stdout.ShouldContain(".env.production");
        outcome.Stdout.ShouldNotContain(StripeKey, Case.Sensitive, "never a full secret");
    }

    [Fact]
    public void A_nul_byte_in_a_text_named_file_is_a_gap_and_in_an_image_a_binary_skip()
    {
        File.WriteAllBytes(PathOf("settings.py"), [.. "SECRET_KEY = 'x'\n"u8, 0x00, 0x01, 0x02, .. "DEBUG = True\n"u8]);
        File.WriteAllBytes(PathOf("logo.png"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);

        var (files, coverage) = Walk();

        files.ShouldNotContain(f => f.Path == "settings.py");
        var gap = coverage.Gaps.ShouldHaveSingleItem();
        (gap.Scope, gap.Reason).ShouldBe(("settings.py", "named like a text file but holds NUL bytes in no known text encoding, not scanned"));
        coverage.Skipped.ShouldContain(s => s.Scope == "logo.png" && s.Reason == "binary file");

        var outcome = CliRunner.Run("scan", root.FullName);
        outcome.ExitCode.ShouldBe(2, outcome.Stdout + outcome.Stderr);
    }

    [Fact]
    public void A_file_past_the_hard_limit_is_a_gap_even_with_a_raised_max_file_size()
    {
        using (var sparse = File.Create(PathOf("dump.sql"))) sparse.SetLength(1024L * 1024 * 1024);
        var clock = Stopwatch.StartNew();
        var (files, coverage) = Walk(new FileWalkOptions { MaxFileBytes = 2048L * 1024 * 1024 });
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the gigabyte is never read");
        files.ShouldNotContain(f => f.Path == "dump.sql");
        var gap = coverage.Gaps.ShouldHaveSingleItem();
        (gap.Scope, gap.Reason).ShouldBe(("dump.sql", "larger than the 256 MB one file may take in memory (1024 MB), not scanned"));
    }
}
