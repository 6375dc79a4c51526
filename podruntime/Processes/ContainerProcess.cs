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
    private readonly string pidFile;
    private int? commandPid;

    private ContainerProcess(Process launcher, string pidFile, DateTimeOffset startedAt)
    {
        this.launcher = launcher;
        this.pidFile = pidFile;
        StartedAt = startedAt;
        LauncherPid = launcher.Id;
        Exited = WaitAsync();
    }

    public int LauncherPid { get; }

    /// <summary>Host process id of the container's PID 1 (the start script), once it runs.</summary>
    public int? InitPid => Children(LauncherPid).FirstOrDefault() is var pid and > 0 ? pid : null;

    /// <summary>Host process id of the container's command, once the start script has started it.</summary>
    public int? CommandPid => commandPid ??= FindCommand();

    public DateTimeOffset StartedAt { get; }

    /// <summary>Completes with the exit code when the container ends (128 + n for signal n, as the kubelet reports it).</summary>
    public Task<int> Exited { get; }

    public static ContainerProcess Start(string scriptPath, string pidFile, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, DateTimeOffset now)
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
        return new ContainerProcess(process, pidFile, now);
    }

    /// <summary>Waits until the start script has set up the container and started the command (or the container ended).</summary>
    public void WaitForCommand(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (CommandPid is null && !Exited.IsCompleted && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(5);
        }
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

    /// <summary>
    /// The start script's children are set-up tools, orphans and the command; the command is the one whose namespace PID
    /// the script wrote down, once it has exec'd: until then it is a fork of the script that still runs the script's
    /// TERM trap, which would swallow a SIGTERM (seen as exit 137 after the grace period instead of 143).
    /// </summary>
    private int? FindCommand()
    {
        if (InitPid is not { } init || !File.Exists(pidFile)
            || !int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var namespacePid))
        {
            return null;
        }

        foreach (var child in Children(init))
        {
            var status = Read($"/proc/{child}/status")?.Split('\n').FirstOrDefault(l => l.StartsWith("NSpid:", StringComparison.Ordinal));
            if (status?.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)[^1] == namespacePid.ToString(CultureInfo.InvariantCulture))
            {
                return Read($"/proc/{child}/cmdline") is { } command && command != Read($"/proc/{init}/cmdline") ? child : null;
            }
        }

        return null;
    }

    private static IEnumerable<int> Children(int pid) =>
        (Read($"/proc/{pid}/task/{pid}/children") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => int.Parse(c, CultureInfo.InvariantCulture));

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
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
