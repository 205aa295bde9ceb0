using System.Text;
using Readiness.Rules.Model;

namespace Readiness.Runner.Sources.Files;

public sealed record FileWalkOptions
{
    /// <summary>Files larger than this are skipped and listed in coverage (minified bundles, dumps, datasets).</summary>
    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Absolute paths never entered, e.g. the report output folder.</summary>
    public IReadOnlyList<string> ExcludedPaths { get; init; } = [];

    public int Concurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>Globs the user excluded (--exclude, the ruleset's paths.exclude), .gitignore syntax from the root; listed in coverage as skipped by policy.</summary>
    public IReadOnlyList<string> PolicyExcludes { get; init; } = [];
}

/// <summary>
/// Walks a tree the way a repository sees it: honours .gitignore files (nested ones too) and .readinessignore, never
/// enters .git, skips binary and oversized files, follows directory symlinks only once per real folder (no loops),
/// reads files concurrently, decodes invalid UTF-8 with replacement characters, and records everything it skipped
/// or could not read in coverage.
/// </summary>
public sealed class FileWalker(FileWalkOptions options)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private const int BinaryProbeBytes = 8000;

    /// <summary>Walks <paramref name="root"/> and hands each text file to <paramref name="onFile"/>, concurrently.</summary>
    public void Walk(string root, Action<SourceFile> onFile, Coverage coverage, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        root = Path.GetFullPath(root);
        var files = Enumerate(root, coverage);
        var done = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, entry =>
        {
            var file = Read(entry.FullPath, entry.RelativePath, coverage);
            if (file is not null)
            {
                coverage.Count("code.files");
                coverage.Count("code.bytes", file.Text.Length);
                onFile(file);
            }
            var n = Interlocked.Increment(ref done);
            if (n % 200 == 0) progress?.Invoke(n);
        });
        progress?.Invoke(done);
    }

    private List<(string FullPath, string RelativePath)> Enumerate(string root, Coverage coverage)
    {
        var result = new List<(string, string)>();
        var visitedRealDirectories = new HashSet<string>(StringComparer.Ordinal);
        var excluded = options.ExcludedPaths.Select(p => Path.GetFullPath(p).TrimEnd(Path.DirectorySeparatorChar)).ToHashSet(StringComparer.Ordinal);
        var policy = new GitIgnore("", options.PolicyExcludes);
        var stack = new Stack<(string Full, string Relative, List<GitIgnore> Ignores)>();
        stack.Push((root, "", []));
        while (stack.Count > 0)
        {
            var (dir, rel, inherited) = stack.Pop();
            var real = RealPath(dir);
            if (!visitedRealDirectories.Add(real))
            {
                coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, Display(rel), "symbolic link to a folder already scanned (loop or duplicate)"));
                continue;
            }
            var ignores = inherited;
            foreach (var name in new[] { ".gitignore", ".readinessignore" })
            {
                var ignorePath = Path.Combine(dir, name);
                if (!File.Exists(ignorePath)) continue;
                try
                {
                    ignores = [.. ignores, new GitIgnore(rel, File.ReadAllLines(ignorePath))];
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    coverage.AddGap(new CoverageGap(EvidenceSource.Code, Join(rel, name), "cannot read ignore file: " + ex.Message));
                }
            }

            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                coverage.AddGap(new CoverageGap(EvidenceSource.Code, Display(rel), "cannot list folder: " + ex.Message));
                continue;
            }

            foreach (var entry in entries)
            {
                var childRel = Join(rel, entry.Name);
                var isDirectory = entry is DirectoryInfo;
                if (isDirectory && entry.Name == ".git") continue;
                if (excluded.Contains(entry.FullName)) continue;
                if (policy.IsIgnored(childRel, isDirectory) == true)
                {
                    coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, childRel, "excluded by policy (--exclude or the ruleset's paths.exclude)"));
                    continue;
                }
                if (IsIgnored(ignores, childRel, isDirectory)) continue;
                if (isDirectory)
                {
                    stack.Push((entry.FullName, childRel, ignores));
                }
                else if (entry.LinkTarget is not null && !File.Exists(entry.FullName))
                {
                    coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, childRel, "broken symbolic link"));
                }
                else
                {
                    result.Add((entry.FullName, childRel));
                }
            }
        }
        return result;
    }

    private SourceFile? Read(string fullPath, string relativePath, Coverage coverage)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var length = stream.Length;
            if (length > options.MaxFileBytes)
            {
                coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, relativePath, $"larger than the {options.MaxFileBytes / 1024 / 1024} MB limit ({length / 1024 / 1024} MB); raise --max-file-size to scan it"));
                return null;
            }
            // Binary is decided from the first 8,000 bytes (as git does), read before the rest: a .pyc or an image is
            // never read whole only to be thrown away.
            Span<byte> probe = stackalloc byte[BinaryProbeBytes];
            probe = probe[..stream.ReadAtLeast(probe, BinaryProbeBytes, throwOnEndOfStream: false)];
            if (probe.IndexOf((byte)0) >= 0)
            {
                coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, relativePath, "binary file"));
                return null;
            }
            var bytes = new byte[Math.Max(length, probe.Length)];
            probe.CopyTo(bytes);
            var read = probe.Length + stream.ReadAtLeast(bytes.AsSpan(probe.Length), bytes.Length - probe.Length, throwOnEndOfStream: false);
            if (read < bytes.Length) Array.Resize(ref bytes, read);
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            string text;
            try
            {
                text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
            }
            catch (DecoderFallbackException)
            {
                // Not valid UTF-8 (often Latin-1): scan it anyway, with replacement characters where bytes did not decode.
                text = LenientUtf8.GetString(bytes, offset, bytes.Length - offset);
                coverage.Count("code.files_invalid_utf8");
            }
            return new SourceFile(relativePath, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            coverage.AddGap(new CoverageGap(EvidenceSource.Code, relativePath, "cannot read file: " + ex.Message));
            return null;
        }
    }

    private static bool IsIgnored(List<GitIgnore> ignores, string relativePath, bool isDirectory)
    {
        var ignored = false;
        foreach (var ignore in ignores)
        {
            if (ignore.IsIgnored(relativePath, isDirectory) is { } decided) ignored = decided;
        }
        return ignored;
    }

    private static string RealPath(string dir)
    {
        try
        {
            var info = new DirectoryInfo(dir);
            return info.LinkTarget is not null ? (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dir) : info.FullName;
        }
        catch (IOException)
        {
            return dir;
        }
    }

    private static string Join(string rel, string name) => rel.Length == 0 ? name : rel + "/" + name;
    private static string Display(string rel) => rel.Length == 0 ? "." : rel;
}
