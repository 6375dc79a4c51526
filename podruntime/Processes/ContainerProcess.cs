using System.Diagnostics;
using System.Globalization;

namespace BackendStack.PodRuntime.Processes;

/// <summary>
/// One run of a container: <c>setsid unshare --fork --pid --kill-child -m -u -- sh start.sh argv...</c>.
/// setsid keeps a terminal's Ctrl-C away (the runtime decides when containers stop); unshare stays
/// as the launcher whose exit code is the command's, and its death takes the container's PID
/// namespace, and so every process in it, down with it.
/// </summary>
public sealed class ContainerProcess : IDisposable
{
    private readonly Process launcher;

    private ContainerProcess(Process launcher, DateTimeOffset startedAt)
    {
        this.launcher = launcher;
        StartedAt = startedAt;
        LauncherPid = launcher.Id;
        Exited = WaitAsync();
    }

    public int LauncherPid { get; }

    /// <summary>Host process id of the container's PID 1 (the start script), once it runs.</summary>
    public int? InitPid => Child(LauncherPid);

    /// <summary>Host process id of the container's command, once the start script has started it.</summary>
    public int? CommandPid => InitPid is { } init ? Child(init) : null;

    public DateTimeOffset StartedAt { get; }

    /// <summary>Completes with the exit code when the container ends (128 + n for signal n, as the kubelet reports it).</summary>
    public Task<int> Exited { get; }

    public static ContainerProcess Start(string scriptPath, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("/usr/bin/setsid") { UseShellExecute = false };
        string[] launch = ["/usr/bin/unshare", "--fork", "--pid", "--kill-child", "-m", "-u", "--propagation", "private", "--", "/bin/sh", scriptPath];
        foreach (var argument in launch.Concat(argv))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {argv[0]}");
        return new ContainerProcess(process, now);
    }

    /// <summary>Sends <paramref name="signal"/> to the command (the start script passes SIGTERM on if the command is not up yet).</summary>
    public bool Signal(int signal) => (CommandPid ?? InitPid) is { } pid && Signals.Send(pid, signal);

    /// <summary>SIGKILLs the container: its PID 1, so the kernel kills the rest of its PID namespace, and the launcher.</summary>
    public void KillAll()
    {
        if (InitPid is { } init)
        {
            Signals.Send(init, Signals.Kill);
        }

        Signals.Send(LauncherPid, Signals.Kill);
    }

    public void Dispose() => launcher.Dispose();

    private static int? Child(int pid)
    {
        try
        {
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return children.Length > 0 ? int.Parse(children[0], CultureInfo.InvariantCulture) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private async Task<int> WaitAsync()
    {
        await launcher.WaitForExitAsync().ConfigureAwait(false);
        return launcher.ExitCode;
    }
}
