using System.Runtime.InteropServices;

namespace BackendStack.PodRuntime.Processes;

/// <summary>kill(2): .NET can only SIGKILL a process, and a delete must send SIGTERM first.</summary>
public static partial class Signals
{
    public const int Term = 15;
    public const int Kill = 9;

    /// <summary>Signals a process; false when it no longer exists.</summary>
    public static bool Send(int pid, int signal) => pid > 0 && NativeKill(pid, signal) == 0;

    /// <summary>Signals every process of the group <paramref name="groupId"/> leads.</summary>
    public static bool SendToGroup(int groupId, int signal) => groupId > 0 && NativeKill(-groupId, signal) == 0;

    public static bool IsAlive(int pid) => Send(pid, 0);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
