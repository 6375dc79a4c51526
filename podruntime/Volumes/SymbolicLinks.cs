using System.Runtime.InteropServices;

namespace BackendStack.PodRuntime.Volumes;

/// <summary>rename(2) of a symbolic link: File.Move refuses a link to a directory (it follows the link).</summary>
internal static partial class SymbolicLinks
{
    public static void Replace(string source, string destination)
    {
        if (NativeRename(source, destination) != 0)
        {
            throw new IOException($"rename {source} -> {destination} failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeRename(string source, string destination);
}
