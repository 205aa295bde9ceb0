using System.Runtime.InteropServices;

namespace Readiness.Runner.Sources.Files;

/// <summary>
/// What a path is on disk, asked without opening it (opening a FIFO blocks forever; a device never ends), and where
/// it really leads (every symbolic link along the way resolved). .NET reports FIFOs, sockets and devices as normal
/// files, so on Linux this asks the kernel (statx, realpath); elsewhere it falls back to what .NET knows.
/// </summary>
public static class FileSystemEntry
{
    public enum Kind { Regular, Directory, Special, Missing }

    private const int AtFdCwd = -100;
    private const int PathMax = 4096;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode
    private const int TypeMask = 0xF000, RegularType = 0x8000, DirectoryType = 0x4000;

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPathNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);

    [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static extern IntPtr OpenDirectory([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static extern IntPtr ReadDirectory(IntPtr directory);

    [DllImport("libc", EntryPoint = "closedir")]
    private static extern int CloseDirectory(IntPtr directory);

    // struct dirent on 64-bit Linux (glibc and musl): u64 d_ino, s64 d_off, u16 d_reclen, u8 d_type, char d_name[].
    private const int DirentTypeOffset = 18, DirentNameOffset = 19;
    private const byte DtUnknown = 0, DtFifo = 1, DtCharacter = 2, DtDirectory = 4, DtBlock = 6, DtRegular = 8, DtLink = 10, DtSocket = 12;

    /// <summary>What a folder's listing says an entry is; <see cref="Listed.Unknown"/> and links need asking (<see cref="Of"/>).</summary>
    public enum Listed { Unknown, Regular, Directory, Special, Link }

    /// <summary>
    /// The entries of a folder (without . and ..) and what the listing says each is, sorted by name (ordinal). On
    /// Linux the listing's own entry type (d_type) answers, so a regular file or folder costs no system call of its
    /// own; before, every entry cost an lstat, a readlink and a statx (the walk was 9% of a scan's CPU, mostly those).
    /// Throws <see cref="DirectoryNotFoundException"/> when the folder is gone, <see cref="IOException"/> when it cannot be listed.
    /// </summary>
    public static List<(string Name, Listed Type)> List(string directory)
    {
        var entries = new List<(string Name, Listed Type)>();
        if (OperatingSystem.IsLinux())
        {
            var handle = OpenDirectory(directory);
            if (handle == IntPtr.Zero)
            {
                var errno = Marshal.GetLastPInvokeError();
                var message = Marshal.GetPInvokeErrorMessage(errno);
                if (errno is 2 or 20) throw new DirectoryNotFoundException(message);
                throw errno == 13 ? new UnauthorizedAccessException(message) : new IOException(message);
            }
            try
            {
                IntPtr entry;
                while ((entry = ReadDirectory(handle)) != IntPtr.Zero)
                {
                    var name = Marshal.PtrToStringUTF8(entry + DirentNameOffset)!;
                    if (name is "." or "..") continue;
                    entries.Add((name, Marshal.ReadByte(entry, DirentTypeOffset) switch
                    {
                        DtRegular => Listed.Regular,
                        DtDirectory => Listed.Directory,
                        DtLink => Listed.Link,
                        DtFifo or DtCharacter or DtBlock or DtSocket => Listed.Special,
                        DtUnknown or _ => Listed.Unknown,
                    }));
                }
                // readdir says "no more" and "failed" alike, with errno telling them apart.
                var error = Marshal.GetLastPInvokeError();
                if (error != 0) throw new IOException(Marshal.GetPInvokeErrorMessage(error));
            }
            finally
            {
                CloseDirectory(handle);
            }
        }
        else
        {
            foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos())
                entries.Add((info.Name, info.LinkTarget is not null ? Listed.Link : info is DirectoryInfo ? Listed.Directory : Listed.Unknown));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    /// <summary>The kind of what <paramref name="path"/> leads to (symbolic links followed).</summary>
    public static Kind Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            EnsureLength(path);
            var buffer = new byte[256];
            if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                // ENOENT, ENOTDIR, ELOOP: nothing (readable) is there, e.g. a dangling link. Anything else (a path too long): say so.
                if (errno is 2 or 20 or 40) return Kind.Missing;
                throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
            }
            return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
            {
                RegularType => Kind.Regular,
                DirectoryType => Kind.Directory,
                _ => Kind.Special,
            };
        }
        if (Directory.Exists(path)) return Kind.Directory;
        return File.Exists(path) ? Kind.Regular : Kind.Missing;
    }

    /// <summary>
    /// Throws for a path past the system's limit: .NET lists such an entry with an empty FullName, and every call on
    /// it fails or, worse, answers about the wrong path.
    /// </summary>
    public static void EnsureLength(string path)
    {
        if (!OperatingSystem.IsWindows() && System.Text.Encoding.UTF8.GetByteCount(path) >= PathMax)
            throw new PathTooLongException($"the path is longer than the system's {PathMax}-byte limit");
    }

    /// <summary>The canonical path with every symbolic link resolved, or null when it does not resolve (dangling, loop).</summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            var resolved = RealPathNative(path, IntPtr.Zero);
            if (resolved == IntPtr.Zero) return null;
            try
            {
                return Marshal.PtrToStringUTF8(resolved);
            }
            finally
            {
                Free(resolved);
            }
        }
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } ? Path.GetFullPath(target.FullName) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies under it (both canonical).</summary>
    public static bool IsWithin(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
