using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace BackendStack.PodRuntime.Exec;

/// <summary>
/// A pseudo-terminal pair (posix_openpt): the runtime keeps the master, the command opens the slave by its path
/// and makes it its controlling terminal. .NET has no API for terminals, hence libc.
/// </summary>
public sealed partial class PseudoTerminal : IDisposable
{
    private const int OpenReadWrite = 2;
    private const int NoControllingTerminal = 0x100;
    private const ulong SetWindowSize = 0x5414;

    private PseudoTerminal(SafeFileHandle master, string slavePath)
    {
        Master = master;
        SlavePath = slavePath;
        Stream = new FileStream(master, FileAccess.ReadWrite, bufferSize: 0);
    }

    public SafeFileHandle Master { get; }

    /// <summary>The slave's device path (/dev/pts/N), for the command to open.</summary>
    public string SlavePath { get; }

    /// <summary>Reads what the command writes to its terminal; writes are what it reads, as typed.</summary>
    public FileStream Stream { get; }

    public static PseudoTerminal Open(ushort columns, ushort rows)
    {
        var fd = NativeOpen(OpenReadWrite | NoControllingTerminal);
        if (fd < 0)
        {
            throw new IOException($"posix_openpt failed (errno {Marshal.GetLastPInvokeError()})");
        }

        var master = new SafeFileHandle(fd, ownsHandle: true);
        var name = new byte[128];
        if (NativeGrant(fd) != 0 || NativeUnlock(fd) != 0 || NativeName(fd, name, name.Length) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            master.Dispose();
            throw new IOException($"cannot set up a pseudo-terminal (errno {errno})");
        }

        var terminal = new PseudoTerminal(master, System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0)));
        terminal.Resize(columns, rows);
        return terminal;
    }

    /// <summary>Sets the terminal's size; the kernel tells the foreground process (SIGWINCH).</summary>
    public void Resize(ushort columns, ushort rows)
    {
        var size = new WindowSize { Rows = rows, Columns = columns };
        _ = NativeSetWindowSize((int)Master.DangerousGetHandle(), SetWindowSize, ref size);
    }

    public void Dispose() => Stream.Dispose();

    [StructLayout(LayoutKind.Sequential)]
    private struct WindowSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort Width;
        public ushort Height;
    }

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    private static partial int NativeOpen(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    private static partial int NativeGrant(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    private static partial int NativeUnlock(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    private static partial int NativeName(int fd, [Out] byte[] buffer, nint length);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int NativeSetWindowSize(int fd, ulong request, ref WindowSize size);
}
