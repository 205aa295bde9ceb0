using System.Buffers;
using System.Collections.Concurrent;
using Readiness.Rules.Model;

namespace Readiness.Runner.Sources.Files;

public sealed record FileWalkOptions
{
    /// <summary>Files larger than this are skipped and listed in coverage (minified bundles, dumps, datasets).</summary>
    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Absolute paths never entered, e.g. the report output folder.</summary>
    public IReadOnlyList<string> ExcludedPaths { get; init; } = [];

    public int Concurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>Globs the user excluded with --exclude, .gitignore syntax relative to the scanned folder; listed in coverage as skipped by policy.</summary>
    public IReadOnlyList<string> PolicyExcludes { get; init; } = [];

    /// <summary>
    /// The ruleset's paths.exclude, .gitignore syntax relative to the project whose .readiness/ declares them; a
    /// subfolder scan matches them against <see cref="ProjectPrefix"/>/path (see ProjectSettings.PrefixFor).
    /// </summary>
    public IReadOnlyList<string> ProjectExcludes { get; init; } = [];

    /// <summary>The scanned folder relative to the project that declared <see cref="ProjectExcludes"/>, "" when it is that folder.</summary>
    public string ProjectPrefix { get; init; } = "";

    /// <summary>
    /// What one file may hold in memory whatever --max-file-size says: a larger file is a coverage gap (it is never
    /// read), so a raised limit cannot exhaust memory.
    /// </summary>
    public const long HardMaxFileBytes = 256L * 1024 * 1024;
}

/// <summary>
/// Walks a tree the way a repository sees it: honours .gitignore files (nested ones too) and .readinessignore, never
/// enters .git, skips binary and oversized files, follows symbolic links only when they lead inside the scanned
/// folder (directories once per real folder, no loops), never opens FIFOs, sockets or devices, reads files
/// concurrently, decodes UTF-8 (invalid bytes as replacement characters), UTF-16 and UTF-32 (with or without a byte
/// order mark), and records everything it skipped or could not read in coverage.
/// </summary>
public sealed class FileWalker(FileWalkOptions options)
{
    /// <summary>Walks <paramref name="root"/> and hands each text file to <paramref name="onFile"/>, concurrently.</summary>
    public void Walk(string root, Action<SourceFile> onFile, Coverage coverage, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        root = Path.GetFullPath(root);
        // The walk runs on a thread of its own and hands files to the readers through a queue, so reading starts with
        // the first file instead of after the last folder is listed. (Parallel.ForEach over the lazy walk made the
        // readers spin on its partitioner's lock while the walk held it: more CPU than the overlap saved.)
        // Its entries are objects, not tuples: the queue's consuming iterator over a value tuple is not in the
        // precompiled image and was JIT-ed on every scan (issue 20).
        using var queue = new BlockingCollection<QueuedFile>();
        Exception? walkFailure = null;
        var walk = new Thread(() =>
        {
            try
            {
                foreach (var entry in Enumerate(root, coverage))
                {
                    if (cancellationToken.IsCancellationRequested) break;
                    queue.Add(new QueuedFile(entry.FullPath, entry.RelativePath));
                }
            }
            catch (Exception ex)
            {
                walkFailure = ex;
            }
            finally
            {
                queue.CompleteAdding();
            }
        }) { IsBackground = true, Name = "readiness file walk" };
        walk.Start();
        var done = 0;
        try
        {
            Parallel.For(0, options.Concurrency, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, _ =>
            {
                foreach (var entry in queue.GetConsumingEnumerable(cancellationToken))
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
                }
            });
        }
        finally
        {
            walk.Join();
        }
        if (walkFailure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(walkFailure);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Invoke(done);
    }

    private sealed record QueuedFile(string FullPath, string RelativePath);

    private IEnumerable<(string FullPath, string RelativePath)> Enumerate(string root, Coverage coverage)
    {
        var realRoot = FileSystemEntry.RealPath(root) ?? root;
        var visitedRealDirectories = new HashSet<string>(StringComparer.Ordinal);
        var excluded = options.ExcludedPaths.Select(p => Path.GetFullPath(p).TrimEnd(Path.DirectorySeparatorChar)).ToHashSet(StringComparer.Ordinal);
        var policy = new GitIgnore("", options.PolicyExcludes);
        var projectPolicy = new GitIgnore("", options.ProjectExcludes);
        // Each folder with its canonical path: a plain subfolder's is its parent's plus its name (no realpath per folder);
        // a linked one's is resolved where the link is met.
        var stack = new Stack<(string Full, string Relative, string Real, List<GitIgnore> Ignores)>();
        stack.Push((root, "", realRoot, []));
        while (stack.Count > 0)
        {
            var (dir, rel, real, inherited) = stack.Pop();
            if (!visitedRealDirectories.Add(real))
            {
                coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, Display(rel), "symbolic link to a folder already scanned (loop or duplicate)"));
                continue;
            }
            List<(string Name, FileSystemEntry.Listed Type)> entries;
            try
            {
                entries = FileSystemEntry.List(dir);
            }
            catch (DirectoryNotFoundException) when (rel.Length > 0)
            {
                coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, rel, "removed while the folder was scanned"));
                continue;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                coverage.AddGap(new CoverageGap(EvidenceSource.Code, Display(rel), "cannot list folder: " + ex.Message));
                continue;
            }

            var ignores = inherited;
            foreach (var name in new[] { ".gitignore", ".readinessignore" })
            {
                var ignorePath = Path.Combine(dir, name);
                // Asked of the file system only when the listing has it (File.Exists is false for a folder or a link to one).
                if (!entries.Exists(e => e.Name == name && e.Type != FileSystemEntry.Listed.Directory) || !File.Exists(ignorePath)) continue;
                try
                {
                    if (FileSystemEntry.Of(ignorePath) != FileSystemEntry.Kind.Regular) throw new IOException("not a regular file");
                    ignores = [.. ignores, new GitIgnore(rel, File.ReadAllLines(ignorePath))];
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    coverage.AddGap(new CoverageGap(EvidenceSource.Code, Join(rel, name), "cannot read ignore file: " + ex.Message));
                }
            }

            foreach (var (name, listed) in entries)
            {
                var childRel = Join(rel, name);
                var fullPath = Path.Join(dir, name);
                var regular = false;
                try
                {
                    FileSystemEntry.EnsureLength(fullPath);
                    // The listing types regular files, folders and special files; a link (or an untyped entry) is asked
                    // where it leads, once it is known not to be ignored.
                    FileSystemEntry.Kind? known = listed switch
                    {
                        FileSystemEntry.Listed.Regular => FileSystemEntry.Kind.Regular,
                        FileSystemEntry.Listed.Directory => FileSystemEntry.Kind.Directory,
                        FileSystemEntry.Listed.Special => FileSystemEntry.Kind.Special,
                        _ => null,
                    };
                    var isDirectory = known == FileSystemEntry.Kind.Directory || (known is null && Directory.Exists(fullPath));
                    if (name == ".git" && isDirectory) continue;
                    if (excluded.Contains(fullPath)) continue;
                    if (policy.IsIgnored(childRel, isDirectory) == true
                        || projectPolicy.IsIgnored(Scan.ProjectSettings.FromProject(options.ProjectPrefix, childRel), isDirectory) == true)
                    {
                        coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, childRel, "excluded by policy (--exclude or the ruleset's paths.exclude)"));
                        continue;
                    }
                    if (GitIgnore.Decide(ignores, childRel, isDirectory) == true) continue;
                    var childReal = real == "/" ? "/" + name : real + "/" + name;
                    if (listed == FileSystemEntry.Listed.Link || (listed == FileSystemEntry.Listed.Unknown && new FileInfo(fullPath).LinkTarget is not null))
                    {
                        var target = FileSystemEntry.RealPath(fullPath);
                        if (target is null)
                        {
                            coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, childRel, "broken symbolic link"));
                            continue;
                        }
                        if (!FileSystemEntry.IsWithin(target, realRoot))
                        {
                            // Following it would read the host (a link to /etc, to a home folder, to /dev/zero), not the repository.
                            coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, childRel, "symbolic link to outside the scanned folder, not followed"));
                            continue;
                        }
                        childReal = target;
                    }
                    switch (known ?? FileSystemEntry.Of(fullPath))
                    {
                        case FileSystemEntry.Kind.Directory:
                            stack.Push((fullPath, childRel, childReal, ignores));
                            break;
                        case FileSystemEntry.Kind.Regular:
                            regular = true;
                            break;
                        case FileSystemEntry.Kind.Special:
                            coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, childRel, "not a regular file (FIFO, socket or device), not opened"));
                            break;
                        case FileSystemEntry.Kind.Missing:
                            coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, childRel, "removed while the folder was scanned"));
                            break;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
                {
                    coverage.AddGap(new CoverageGap(EvidenceSource.Code, childRel, "cannot examine: " + ex.Message));
                }
                if (regular) yield return (fullPath, childRel);
            }
        }
    }

    private SourceFile? Read(string fullPath, string relativePath, Coverage coverage)
    {
        try
        {
            // One open per file and no FileStream: every byte is read once, at its offset, into a pooled buffer. The
            // first read decides binary from 8,000 bytes, so a .pyc or an image is never read whole only to be thrown
            // away; a file shorter than that (three in four) needs no length, which is asked for only beyond it.
            using var file = ReadOnlyFile.Open(fullPath);
            Span<byte> head = stackalloc byte[TextDecoding.SampleBytes];
            head = head[..file.ReadAt(head, 0)];
            var length = head.Length < TextDecoding.SampleBytes ? head.Length : file.Length();
            if (length > options.MaxFileBytes)
            {
                coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, relativePath, $"larger than the {options.MaxFileBytes / 1024 / 1024} MB limit ({length / 1024 / 1024} MB); raise --max-file-size to scan it"));
                return null;
            }
            if (length > FileWalkOptions.HardMaxFileBytes)
            {
                coverage.AddGap(new CoverageGap(EvidenceSource.Code, relativePath, $"larger than the {FileWalkOptions.HardMaxFileBytes / 1024 / 1024} MB one file may take in memory ({length / 1024 / 1024} MB), not scanned"));
                return null;
            }
            string? text = null;
            var invalidUtf8 = false;
            if (!TextDecoding.IsBinary(head, length))
            {
                text = Decode(file, head, length, out invalidUtf8, out var grew);
                if (grew)
                {
                    coverage.AddGap(new CoverageGap(EvidenceSource.Code, relativePath, "grew while it was read, not scanned"));
                    return null;
                }
            }
            if (text is null)
            {
                if (TextDecoding.HasTextName(relativePath))
                {
                    // A settings.py or .env that does not decode could hold anything: not a binary to skip silently.
                    coverage.AddGap(new CoverageGap(EvidenceSource.Code, relativePath, "named like a text file but holds NUL bytes in no known text encoding, not scanned"));
                }
                else
                {
                    coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, relativePath, "binary file"));
                }
                return null;
            }
            if (invalidUtf8) coverage.Count("code.files_invalid_utf8");
            return new SourceFile(relativePath, text);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // The listing had it and it is gone now, as a removed entry was before the walk stopped asking about each one.
            coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, relativePath, "removed while the folder was scanned"));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            coverage.AddGap(new CoverageGap(EvidenceSource.Code, relativePath, "cannot read file: " + ex.Message));
            return null;
        }
    }

    /// <summary>Files up to this size are read into pooled buffers; larger ones (rare) get their own, so the pool never holds megabytes.</summary>
    private const int PooledBytes = 1024 * 1024;

    /// <summary>
    /// The text of a file whose first bytes are <paramref name="head"/>, the rest read from <paramref name="file"/>;
    /// <paramref name="grew"/> when it holds more than the <paramref name="expected"/> bytes it had when measured.
    /// </summary>
    private static string? Decode(ReadOnlyFile file, ReadOnlySpan<byte> head, long expected, out bool invalidUtf8, out bool grew)
    {
        invalidUtf8 = false;
        grew = head.Length > expected;
        if (grew) return null;
        // One byte more than expected, so a file that grew since it was opened is noticed.
        var size = (int)expected + 1;
        var pooled = size <= PooledBytes;
        var buffer = pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
        try
        {
            head.CopyTo(buffer);
            var total = head.Length;
            if (total == TextDecoding.SampleBytes) total += file.ReadAt(buffer.AsSpan(total, size - total), total, expected);
            grew = total > expected;
            return grew ? null : TextDecoding.Decode(buffer.AsSpan(0, total), out invalidUtf8);
        }
        finally
        {
            if (pooled) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Join(string rel, string name) => rel.Length == 0 ? name : rel + "/" + name;
    private static string Display(string rel) => rel.Length == 0 ? "." : rel;
}
