using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Readiness.Runner.Sources.Files;

/// <summary>
/// One file opened for reading by the walker. On Linux it is a bare descriptor from libc: .NET's
/// <see cref="File.OpenHandle(string, FileMode, FileAccess, FileShare, FileOptions, long)"/> adds an fstat and a shared
/// flock on open and another flock on close (FileShare emulation), and the walker asked for the length with one more
/// fstat: eight system calls a file where four or five do (docs/performance.md, round 9). Elsewhere it is .NET's handle.
/// </summary>
internal sealed class ReadOnlyFile : IDisposable
{
    // Linux's open(2) flags: O_NONBLOCK so that a FIFO put in a file's place after the listing cannot block the open.
    private const int ReadOnly = 0, NonBlocking = 0x800, CloseOnExec = 0x80000;
    private const int SeekEnd = 2;
    private const int Interrupted = 4;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "pread", SetLastError = true)]
    private static extern nint PreadNative(int fd, ref byte buffer, nuint count, long offset);

    [DllImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static extern long SeekNative(int fd, long offset, int whence);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int CloseNative(int fd);

    private readonly int descriptor = -1;
    private readonly SafeFileHandle? handle;

    private ReadOnlyFile(int descriptor) => this.descriptor = descriptor;

    private ReadOnlyFile(SafeFileHandle handle) => this.handle = handle;

    /// <summary>Opens <paramref name="path"/>; throws as <see cref="File.OpenHandle(string, FileMode, FileAccess, FileShare, FileOptions, long)"/> does.</summary>
    public static ReadOnlyFile Open(string path)
    {
        if (!OperatingSystem.IsLinux())
            return new ReadOnlyFile(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        // The walker has checked the path's length (FileSystemEntry.EnsureLength) before handing it here.
        int fd;
        while ((fd = OpenNative(path, ReadOnly | NonBlocking | CloseOnExec)) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted) throw Error(errno, path);
        }
        return new ReadOnlyFile(fd);
    }

    /// <summary>The file's length now (at the end of a regular file).</summary>
    public long Length()
    {
        if (handle is not null) return RandomAccess.GetLength(handle);
        var end = SeekNative(descriptor, 0, SeekEnd);
        return end >= 0 ? end : throw Error(Marshal.GetLastPInvokeError(), null);
    }

    /// <summary>
    /// Reads from <paramref name="offset"/> until <paramref name="buffer"/> is full or the file ends; the bytes read.
    /// With <paramref name="knownLength"/>, a short read that reaches it ends the reading without asking for an end of
    /// file once more (a regular file's read is short only there; the buffer holds a byte beyond it to notice growth).
    /// </summary>
    public int ReadAt(Span<byte> buffer, long offset, long knownLength = -1)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = ReadOnce(buffer[total..], offset + total);
            total += read;
            if (read == 0 || offset + total == knownLength) break;
        }
        return total;
    }

    private int ReadOnce(Span<byte> buffer, long offset)
    {
        if (handle is not null) return RandomAccess.Read(handle, buffer, offset);
        while (true)
        {
            var read = PreadNative(descriptor, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length, offset);
            if (read >= 0) return (int)read;
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted) throw Error(errno, null);
        }
    }

    public void Dispose()
    {
        if (handle is not null) handle.Dispose();
        else CloseNative(descriptor);
    }

    // The exceptions .NET throws for the same errno, so the walker's coverage wording stays the same on every platform.
    private static Exception Error(int errno, string? path)
    {
        var message = Marshal.GetPInvokeErrorMessage(errno) + (path is null ? "" : $" : '{path}'");
        return errno switch
        {
            2 when path is not null && !Directory.Exists(Path.GetDirectoryName(path)) => new DirectoryNotFoundException(message),
            2 => new FileNotFoundException(message, path),
            20 => new DirectoryNotFoundException(message),
            1 or 13 => new UnauthorizedAccessException(message),
            36 => new PathTooLongException(message),
            _ => new IOException(message, errno),
        };
    }
}
