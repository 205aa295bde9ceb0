using Readiness.Rules.Model;
using Readiness.Runner.Sources.Files;

namespace Readiness.Tests.Sources;

/// <summary>
/// The walker's own reads (libc on Linux): every length around the 8,000-byte first read comes back whole, and a
/// file that cannot be read fails as .NET's handle would, so the walker's coverage says the same on every platform.
/// </summary>
public sealed class ReadOnlyFileTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("readiness-read-");

    public void Dispose() => root.Delete(recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7_999)]
    [InlineData(8_000)]
    [InlineData(8_001)]
    [InlineData(16_001)]
    [InlineData(1_048_576)]
    [InlineData(1_048_577)]
    public void Every_length_around_the_first_read_is_read_whole(int length)
    {
        var text = string.Concat(Enumerable.Range(0, length / 10 + 1).Select(i => $"{i:D9}\n"))[..length];
        File.WriteAllText(Path.Combine(root.FullName, "file.txt"), text);

        var coverage = new Coverage();
        var files = new List<SourceFile>();
        new FileWalker(new FileWalkOptions()).Walk(root.FullName, files.Add, coverage);

        files.ShouldHaveSingleItem().Text.ShouldBe(text);
        coverage.Gaps.ShouldBeEmpty();
    }

    [Fact]
    public void Reads_at_an_offset_and_stops_at_the_known_length()
    {
        var path = Path.Combine(root.FullName, "file.bin");
        File.WriteAllBytes(path, Enumerable.Range(0, 100).Select(i => (byte)i).ToArray());

        using var file = ReadOnlyFile.Open(path);
        file.Length().ShouldBe(100);
        var buffer = new byte[200];
        file.ReadAt(buffer, 40, knownLength: 100).ShouldBe(60);
        buffer[0].ShouldBe((byte)40);
        buffer[59].ShouldBe((byte)99);
        file.ReadAt(buffer, 100).ShouldBe(0);
    }

    [Fact]
    public void A_missing_file_and_a_folder_fail_as_dotnet_fails()
    {
        Should.Throw<FileNotFoundException>(() => ReadOnlyFile.Open(Path.Combine(root.FullName, "missing.txt")));
        Should.Throw<DirectoryNotFoundException>(() => ReadOnlyFile.Open(Path.Combine(root.FullName, "missing", "file.txt")));
        // A folder opens for reading on Linux (as .NET's handle does not), and then cannot be read.
        Should.Throw<IOException>(() =>
        {
            using var folder = ReadOnlyFile.Open(root.FullName);
            folder.ReadAt(new byte[16], 0);
        });
    }
}
