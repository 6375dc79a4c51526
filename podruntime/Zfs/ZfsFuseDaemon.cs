using System.Diagnostics;
using System.Globalization;

namespace BackendStack.PodRuntime.Zfs;

/// <summary>
/// The one zfs-fuse daemon of this machine (its control socket is fixed at /var/run/zfs/zfs_socket, a second daemon
/// exits silently), shared by every runtime of every process: each user holds a lease, a pid file under
/// <see cref="StateDirectory"/>/users; the first starts the daemon, the last one to leave stops it. Leases of dead
/// processes, and the pools they left (named <c>bs-&lt;pid&gt;-…</c>), are cleaned at the next acquire or release.
/// A flock on <c>lock</c> makes each of these steps atomic across processes, and goes away with a dead holder.
/// </summary>
public sealed class ZfsFuseDaemon : IAsyncDisposable
{
    /// <summary>Prefix of every pool a runtime creates, followed by the owning process id.</summary>
    public const string PoolPrefix = "bs-";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string leaseFile;
    private bool released;

    private ZfsFuseDaemon(string leaseFile) => this.leaseFile = leaseFile;

    /// <summary>Where leases, the daemon's pid file and its log live (tmpfs: gone at reboot, as the daemon is).</summary>
    public static string StateDirectory { get; } = "/run/backendstack-zfs";

    private static string UsersDirectory => Path.Combine(StateDirectory, "users");

    private static string PidFile => Path.Combine(StateDirectory, "daemon.pid");

    /// <summary>The process ids holding a lease now (stale ones included until the next cleanup).</summary>
    public static IReadOnlyList<string> Leases() =>
        Directory.Exists(UsersDirectory) ? [.. Directory.GetFiles(UsersDirectory).Select(Path.GetFileName).OfType<string>()] : [];

    /// <summary>Whether a daemon answers on the control socket.</summary>
    public static async Task<bool> AnswersAsync(CancellationToken cancellationToken = default) =>
        (await ZfsCommand.RunAsync("zpool", ["list", "-H", "-o", "name"], cancellationToken).ConfigureAwait(false)).ExitCode == 0;

    /// <summary>Takes a lease for <paramref name="user"/>, starting the daemon when none answers.</summary>
    public static async Task<ZfsFuseDaemon> AcquireAsync(string user, CancellationToken cancellationToken = default)
    {
        if (ZfsAvailability.MissingBecause() is { } missing)
        {
            throw new NoLocalEquivalentException(ZfsAvailability.MissingReason, missing);
        }

        Directory.CreateDirectory(UsersDirectory);
        using var held = await LockAsync(cancellationToken).ConfigureAwait(false);
        RemoveStaleLeases();
        if (!await AnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
        }

        await DestroyStalePoolsAsync(cancellationToken).ConfigureAwait(false);
        var lease = Path.Combine(UsersDirectory, $"{Environment.ProcessId}-{user}");
        await File.WriteAllTextAsync(lease, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        return new ZfsFuseDaemon(lease);
    }

    /// <summary>Gives the lease back; stops the daemon when this was the last one and a lease holder started it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (released)
        {
            return;
        }

        released = true;
        using var held = await LockAsync(CancellationToken.None).ConfigureAwait(false);
        File.Delete(leaseFile);
        RemoveStaleLeases();
        if (Leases().Count == 0)
        {
            await DestroyStalePoolsAsync(CancellationToken.None).ConfigureAwait(false);
            await StopAsync().ConfigureAwait(false);
        }
    }

    private static async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Linux: held by one process (and one opener) at a time.
                return new FileStream(Path.Combine(StateDirectory, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool Alive(int pid) => Directory.Exists($"/proc/{pid}");

    private static int? OwnerOf(string name)
    {
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static void RemoveStaleLeases()
    {
        foreach (var lease in Leases().Where(l => OwnerOf(l) is not { } pid || !Alive(pid)))
        {
            File.Delete(Path.Combine(UsersDirectory, lease));
        }
    }

    /// <summary>Pools of processes that died without destroying them (the daemon re-imports them from its cache).</summary>
    private static async Task DestroyStalePoolsAsync(CancellationToken cancellationToken)
    {
        var pools = await ZfsCommand.RunAsync("zpool", ["list", "-H", "-o", "name"], cancellationToken).ConfigureAwait(false);
        foreach (var pool in pools.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (pool.StartsWith(PoolPrefix, StringComparison.Ordinal) && OwnerOf(pool[PoolPrefix.Length..]) is { } pid && !Alive(pid))
            {
                if ((await ZfsCommand.RunAsync("zpool", ["destroy", "-f", pool], cancellationToken).ConfigureAwait(false)).ExitCode != 0)
                {
                    await ZfsCommand.RunAsync("zpool", ["export", "-f", pool], cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task StartAsync(CancellationToken cancellationToken)
    {
        var log = Path.Combine(StateDirectory, "daemon.log");
        // -n: foreground, so the pid is the daemon's; setsid: its own session, so a test run's Ctrl-C does not reach it.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec /usr/bin/setsid {ZfsAvailability.Daemon} -n --no-kstat-mount -m 64 >>'{log}' 2>&1 </dev/null");
        using var process = Process.Start(start) ?? throw new ZfsException("cannot start zfs-fuse");
        await File.WriteAllTextAsync(PidFile, process.Id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await AnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (process.HasExited || DateTimeOffset.UtcNow > deadline)
            {
                File.Delete(PidFile);
                throw new ZfsException($"zfs-fuse did not answer (another daemon holding /var/run/zfs/zfs_socket?); see {log}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task StopAsync()
    {
        if (!File.Exists(PidFile)
            || !int.TryParse(await File.ReadAllTextAsync(PidFile).ConfigureAwait(false), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        File.Delete(PidFile);
        if (!Alive(pid) || !(await File.ReadAllTextAsync($"/proc/{pid}/cmdline").ConfigureAwait(false)).Contains("zfs-fuse", StringComparison.Ordinal))
        {
            return;
        }

        // It takes a second or two to exit after SIGTERM (it syncs and unmounts).
        Processes.Signals.Send(pid, Processes.Signals.Term);
        for (var i = 0; i < 100 && Alive(pid); i++)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        if (Alive(pid))
        {
            Processes.Signals.Send(pid, Processes.Signals.Kill);
        }
    }
}
