using System.Collections.Concurrent;
using BackendStack.PodRuntime.Hosts;
using BackendStack.PodRuntime.Probes;
using BackendStack.PodRuntime.Processes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackendStack.PodRuntime;

/// <summary>
/// Runs Pods as local processes: the part of a kubelet that matters for tests and the sandbox.
/// Every container runs in its own mount and UTS namespaces with the Pod's volumes at their
/// mountPaths and a generated /etc/hosts; every process it starts carries a marker, so stopping
/// the runtime (or the death of this process) leaves none behind.
/// </summary>
public sealed class LocalPodRuntime : IAsyncDisposable
{
    private static readonly string[] RequiredTools = ["/usr/bin/setsid", "/usr/bin/unshare", "/usr/bin/nsenter", "/usr/bin/setpriv", "/bin/mount", "/bin/sh"];

    private readonly ConcurrentDictionary<PodKey, PodWorker> pods = new();
    private readonly ConcurrentDictionary<string, string> hostsWritten = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim hostsGate = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly HttpClient http = new();
    private readonly RuntimeServices services;
    private OrphanWatchdog? watchdog;
    private Task sync = Task.CompletedTask;

    public LocalPodRuntime(LocalPodRuntimeOptions options, IPodClusterView cluster, IPodStatusSink sink, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(sink);
        Options = options;
        services = new RuntimeServices(RuntimeId, options, new RuntimeLayout(options.RootDirectory), cluster, sink,
            new ProbeRunner(http, options.Time), logger ?? NullLogger.Instance, EnsureHostsAsync);
    }

    /// <summary>Marks every process of this runtime (see <see cref="ProcessMarker"/>).</summary>
    public string RuntimeId { get; } = Guid.NewGuid().ToString("N");

    public LocalPodRuntimeOptions Options { get; }

    public RuntimeLayout Layout => services.Layout;

    /// <summary>The Pods this runtime runs, with their uids.</summary>
    public IReadOnlyDictionary<PodKey, string> RunningPods => pods.ToDictionary(p => p.Key, p => p.Value.Uid);

    /// <summary>
    /// Whether this host can run Pods at all: root (mount namespaces, bind mounts) and the util-linux
    /// tools. Null when it can, else the reason.
    /// </summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "the local pod runtime needs Linux and root (mount namespaces and bind mounts)";
        }

        var missing = RequiredTools.Where(t => !File.Exists(t)).ToList();
        return missing.Count == 0 ? null : $"missing {string.Join(", ", missing)} (apt-get install -y util-linux mount)";
    }

    public void Start()
    {
        if (!OperatingSystem.IsLinux() || Unavailable() is not null)
        {
            throw new PlatformNotSupportedException(Unavailable());
        }

        Directory.CreateDirectory(Layout.Root);
        WriteShims();
        watchdog = new OrphanWatchdog(RuntimeId);
        sync = Task.Run(SyncLoopAsync);
    }

    /// <summary>Starts a Pod that has its status.podIP; false when a Pod of that name (and uid) already runs.</summary>
    public bool RunPod(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (string.IsNullOrEmpty(pod.Status?.PodIP))
        {
            throw new ArgumentException($"pod {PodKey.Of(pod)} has no status.podIP", nameof(pod));
        }

        ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
        var key = PodKey.Of(pod);
        if (pods.ContainsKey(key))
        {
            return false;
        }

        var worker = new PodWorker(pod, services);
        if (!pods.TryAdd(key, worker))
        {
            _ = worker.DisposeAsync().AsTask();
            return false;
        }

        worker.Start();
        return true;
    }

    /// <summary>Deletes a Pod: SIGTERM to its containers, SIGKILL after the grace period (the Pod's own when null).</summary>
    public async Task<bool> DeletePodAsync(PodKey key, TimeSpan? gracePeriod = null)
    {
        if (!pods.TryRemove(key, out var worker))
        {
            return false;
        }

        await worker.StopAsync(gracePeriod ?? TimeSpan.FromSeconds(worker.GracePeriodSeconds)).ConfigureAwait(false);
        await worker.DisposeAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Kills a running container's processes (SIGKILL by default), as a crash would; the restart policy applies.</summary>
    public bool KillContainer(PodKey key, string? container = null, int signal = 9)
    {
        return pods.TryGetValue(key, out var worker)
            && worker.AllContainers.FirstOrDefault(c => container is null ? c.Pid is not null : c.Name == container) is { } target
            && target.Kill(signal);
    }

    public V1PodStatus? GetStatus(PodKey key) => pods.TryGetValue(key, out var worker) ? worker.Status : null;

    /// <summary>Process id of a container's command while it runs.</summary>
    public int? GetContainerPid(PodKey key, string container) =>
        pods.TryGetValue(key, out var worker) ? worker.AllContainers.FirstOrDefault(c => c.Name == container)?.Pid : null;

    /// <summary>
    /// How to run a command in a running container (<c>kubectl exec</c>): its namespaces and environment, or null when
    /// the Pod does not run here or the container is not running.
    /// </summary>
    public ProbeTarget? FindExecTarget(PodKey key, string container) =>
        pods.TryGetValue(key, out var worker) ? worker.AllContainers.FirstOrDefault(c => c.Name == container)?.ExecTarget : null;

    /// <summary>The log file of a container's current run, or of the run before it (<c>kubectl logs --previous</c>).</summary>
    public string? GetLogPath(PodKey key, string? container = null, bool previous = false)
    {
        if (!pods.TryGetValue(key, out var worker))
        {
            return null;
        }

        var supervisor = container is null ? worker.AllContainers.LastOrDefault() : worker.AllContainers.FirstOrDefault(c => c.Name == container);
        if (supervisor is null)
        {
            return null;
        }

        var run = supervisor.RestartCount - (previous ? 1 : 0);
        var path = Layout.LogPath(key, worker.Uid, supervisor.Name, run);
        return run >= 0 && File.Exists(path) ? path : null;
    }

    /// <summary>The probe log of a container (each failed attempt and why, each change of verdict), or null when it has none yet.</summary>
    public string? GetProbeLogPath(PodKey key, string? container = null)
    {
        if (!pods.TryGetValue(key, out var worker)
            || (container is null ? worker.AllContainers.LastOrDefault() : worker.AllContainers.FirstOrDefault(c => c.Name == container)) is not { } supervisor)
        {
            return null;
        }

        var path = Layout.ProbeLogPath(key, worker.Uid, supervisor.Name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Brings ConfigMap/Secret volumes and hosts files up to date now instead of at the next sync.</summary>
    public async Task SyncNowAsync()
    {
        foreach (var worker in pods.Values)
        {
            worker.RefreshVolumes();
        }

        foreach (var ns in pods.Keys.Select(k => k.Namespace).Distinct())
        {
            await EnsureHostsAsync(ns).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await sync.ConfigureAwait(false);
        var all = pods.Values.ToList();
        pods.Clear();
        await Task.WhenAll(all.Select(async w =>
        {
            await w.StopAsync(GracePeriodOf(w)).ConfigureAwait(false);
            await w.DisposeAsync().ConfigureAwait(false);
        })).ConfigureAwait(false);
        ProcessSweeper.KillAll(ProcessMarker.RuntimeVariable, RuntimeId);
        watchdog?.Dispose();
        http.Dispose();
        hostsGate.Dispose();
        stopping.Dispose();
    }

    private TimeSpan GracePeriodOf(PodWorker worker) =>
        TimeSpan.FromSeconds(Math.Min(worker.GracePeriodSeconds, Options.StopGracePeriod.TotalSeconds));

    private async Task SyncLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Options.SyncInterval, Options.Time, stopping.Token).ConfigureAwait(false);
                await SyncNowAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                RuntimeLog.SyncFailed(services.Logger, e);
            }
        }
    }

    /// <summary>Writes a namespace's hosts file in place (a bind mount follows the inode, not the name).</summary>
    private async Task EnsureHostsAsync(string namespaceName)
    {
        var text = HostsFile.Build(namespaceName, services.Cluster.ListPods(), services.Cluster.ListServices(), Options.ClusterDomain);
        if (hostsWritten.TryGetValue(namespaceName, out var written) && written == text)
        {
            return;
        }

        await hostsGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var path = Layout.HostsFile(namespaceName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
                // Written over in place (Pods see this file through a bind mount, which a rename would not reach), and cut
                // to length afterwards: a resolver reading meanwhile never finds the file empty, which would make a
                // start script that looks up its peers believe it has none.
                var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                await file.WriteAsync(bytes).ConfigureAwait(false);
                await file.FlushAsync().ConfigureAwait(false);
                file.SetLength(bytes.Length);
            }

            hostsWritten[namespaceName] = text;
        }
        finally
        {
            hostsGate.Release();
        }
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private void WriteShims()
    {
        foreach (var image in Options.Images.Images)
        {
            var directory = Directory.CreateDirectory(Layout.ShimDirectory(image.Name)).FullName;
            foreach (var (name, body) in image.Shims)
            {
                var path = Path.Combine(directory, name);
                File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
                File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
            }
        }
    }
}
