using System.Collections.Concurrent;
using Readiness.Rules.Model;
using Readiness.Runner.Sources.Files;

namespace Readiness.Tests.Sources;

/// <summary>
/// The walker runs on trees built on disk, because what it handles (binary bytes, symbolic links, unreadable and
/// invalid UTF-8 files) cannot live in fixture files checked into git.
/// </summary>
public sealed class FileWalkerTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("readiness-walk-");

    public void Dispose() => root.Delete(recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (List<SourceFile> Files, Coverage Coverage) Walk(FileWalkOptions? options = null)
    {
        var files = new ConcurrentBag<SourceFile>();
        var coverage = new Coverage();
        new FileWalker(options ?? new FileWalkOptions()).Walk(root.FullName, files.Add, coverage);
        return (files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), coverage);
    }

    [Fact]
    public void Honours_nested_gitignore_negation_and_readinessignore()
    {
        Write(".gitignore", "node_modules/\n*.log\n!keep.log\n/build\n");
        Write(".readinessignore", "vendor/**\n");
        Write("app/settings.py", "DEBUG = False\n");
        Write("app/.gitignore", "generated_*.py\n");
        Write("app/generated_models.py", "x = 1\n");
        Write("node_modules/lib/index.js", "module.exports = 1;\n");
        Write("debug.log", "log\n");
        Write("keep.log", "kept\n");
        Write("build/out.txt", "built\n");
        Write("src/build/notes.txt", "not the root build folder\n");
        Write("vendor/pkg/a.py", "a = 1\n");
        Write(".git/config", "[core]\n");

        var (files, _) = Walk();
        files.Select(f => f.Path).ShouldBe([".gitignore", ".readinessignore", "app/.gitignore", "app/settings.py", "keep.log", "src/build/notes.txt"]);
    }

    [Fact]
    public void Skips_binary_and_oversized_files_and_lists_them()
    {
        File.WriteAllBytes(Path.Combine(root.FullName, "image.png"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        Write("big.json", new string('x', 2 * 1024 * 1024));
        Write("small.py", "x = 1\n");

        var (files, coverage) = Walk(new FileWalkOptions { MaxFileBytes = 1024 * 1024 });
        files.ShouldHaveSingleItem().Path.ShouldBe("small.py");
        coverage.Skipped.ShouldContain(s => s.Scope == "image.png" && s.Reason == "binary file");
        coverage.Skipped.ShouldContain(s => s.Scope == "big.json" && s.Reason.Contains("larger than"));
        coverage.Gaps.ShouldBeEmpty();
    }

    [Fact]
    public void Decides_binary_from_the_first_8000_bytes_and_reads_text_files_whole()
    {
        File.WriteAllBytes(Path.Combine(root.FullName, "late-nul.txt"), [.. Enumerable.Repeat((byte)'a', 8000), 0, (byte)'z']);
        File.WriteAllBytes(Path.Combine(root.FullName, "early-nul.bin"), [.. Enumerable.Repeat((byte)'a', 7999), 0, (byte)'z']);
        var longText = string.Concat(Enumerable.Range(0, 3000).Select(i => $"line {i}\n"));
        Write("long.py", longText);

        var (files, coverage) = Walk();
        files.Select(f => f.Path).ShouldBe(["late-nul.txt", "long.py"]);
        files[0].Text.Length.ShouldBe(8002);
        files[1].Text.ShouldBe(longText);
        coverage.Skipped.ShouldContain(s => s.Scope == "early-nul.bin" && s.Reason == "binary file");
    }

    [Fact]
    public void Decodes_invalid_utf8_and_counts_it()
    {
        File.WriteAllBytes(Path.Combine(root.FullName, "latin1.py"), "PASSWORD = 'caf\u00e9'\n"u8.ToArray().Select(b => b == 0xC3 ? (byte)0xE9 : b).Where(b => b != 0xA9).ToArray());
        var (files, coverage) = Walk();
        files.ShouldHaveSingleItem().Text.ShouldContain("PASSWORD = 'caf\uFFFD'");
        coverage.Counts["code.files_invalid_utf8"].ShouldBe(1);
    }

    [Fact]
    public void Never_follows_a_symbolic_link_loop()
    {
        Write("a/file.py", "x = 1\n");
        Directory.CreateSymbolicLink(Path.Combine(root.FullName, "a", "loop"), Path.Combine(root.FullName, "a"));
        var (files, coverage) = Walk();
        files.ShouldHaveSingleItem().Path.ShouldBe("a/file.py");
        coverage.Skipped.ShouldContain(s => s.Scope == "a/loop" && s.Reason.Contains("already scanned"));
    }

    [Fact]
    public void A_socket_is_listed_as_skipped_and_never_opened()
    {
        // A Unix socket is listed like a file by .NET; opening it would fail (a FIFO would block forever).
        Write("ok.py", "x = 1\n");
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(Path.Combine(root.FullName, "app.sock")));

        var (files, coverage) = Walk();
        files.ShouldHaveSingleItem().Path.ShouldBe("ok.py");
        coverage.Gaps.ShouldBeEmpty();
        coverage.Skipped.ShouldContain(s => s.Scope == "app.sock" && s.Reason == "not a regular file (FIFO, socket or device), not opened");
    }
}
