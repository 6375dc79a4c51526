using System.Diagnostics;

namespace BackendStack.Tests.Redis;

/// <summary>
/// The container of one emulated Redis or Sentinel pod, run as the local pod runtime would run it but straight on the
/// host: the container's own command (the operator's start script from its ConfigMap) with the environment the kubelet
/// builds, mount paths rewritten to the pod's volume directories (see <see cref="MountPathRewrite"/>), output appended
/// to the container's log. Each start is a container (re)start: same pod, same address, same volumes (the process is
/// a <see cref="ChildServerProcess"/>).
/// </summary>
internal sealed class PodServerProcess : IAsyncDisposable
{
    private readonly IReadOnlyList<string> argv;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly string workingDirectory;
    private ChildServerProcess? process;

    public PodServerProcess(string host, int port, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, string workingDirectory, string logPath)
    {
        Host = host;
        Port = port;
        this.argv = argv;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        LogPath = logPath;
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>The container's log: the start script's output, then the server's (it logs to stdout).</summary>
    public string LogPath { get; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts the container's command; it runs on in the background (a restarted master may wait for a failover before it listens).</summary>
    public void Start()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        Directory.CreateDirectory(workingDirectory);
        // A shell of its own only to send the output to the log; it execs the command, so the command is this process.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var argument in new[] { "-c", "log=$1; shift; exec \"$@\" >>\"$log\" 2>&1 </dev/null", "sh", LogPath }.Concat(argv))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        // The new process is in place before the old handle goes, so a reader never sees a disposed one.
        var previous = process;
        previous?.Kill();
        process = ChildServerProcess.Start(info);
        previous?.Dispose();
    }

    /// <summary>kill -9 of the container's processes: no shutdown, no final dump.</summary>
    public void Kill() => process?.Kill();

    public ValueTask DisposeAsync()
    {
        process?.Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => $"{string.Join(' ', argv)} on {Host}:{Port}";
}
