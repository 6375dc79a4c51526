using BackendStack.PodRuntime.ApiServer;
using BackendStack.PodRuntime.Zfs;
using k8s.Autorest;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackendStack.PodRuntime;

/// <summary>
/// A node agent for an API server: runs, in a <see cref="LocalPodRuntime"/>, every Pod that has
/// been given an address (status.podIP) and writes their status back; stops a Pod's processes
/// (with its grace period) when the Pod is deleted or replaced by one of the same name.
/// </summary>
public sealed class Kubelet : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim changed = new(0, 1);
    private readonly ApiClusterView cluster;
    private readonly ILogger? logger;
    private readonly List<Task> running = [];
    private readonly ZfsClaimProvisioner zfsClaims;

    public Kubelet(IKubernetes client, LocalPodRuntimeOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        cluster = new ApiClusterView(client, Signal, logger ?? NullLogger.Instance);
        this.logger = logger;
        Runtime = new LocalPodRuntime(options, cluster, new ApiStatusWriter(client, cluster), logger);
        zfsClaims = new ZfsClaimProvisioner(client, Runtime.Layout, Runtime.RuntimeId, logger ?? NullLogger.Instance);
    }

    /// <summary>The runtime underneath: fault injection (<see cref="LocalPodRuntime.KillContainer"/>), log files, process ids.</summary>
    public LocalPodRuntime Runtime { get; }

    /// <summary>The runtime's ZFS pool, once a zfs-localpv claim made it (null before, and without zfs-fuse).</summary>
    public ZfsPool? ZfsPool => zfsClaims.Pool;

    /// <summary>Starts mirroring the API and running Pods; returns once the mirrors have listed everything.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Runtime.Start();
        running.AddRange(cluster.Run(stopping.Token));
        await cluster.Synced.WaitAsync(cancellationToken).ConfigureAwait(false);
        running.Add(Task.Run(SyncLoopAsync, CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is how the loops end.
        }

        await Runtime.DisposeAsync().ConfigureAwait(false);
        // After the Pods: none of them uses a dataset any more.
        await zfsClaims.DisposeAsync().ConfigureAwait(false);
        changed.Dispose();
        stopping.Dispose();
    }

    private async Task SyncLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await changed.WaitAsync(TimeSpan.FromSeconds(1), stopping.Token).ConfigureAwait(false);
                await SyncClaimsAsync().ConfigureAwait(false);
                await SyncPodsAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException)
            {
                if (logger is not null)
                {
                    RuntimeLog.SyncFailed(logger, e);
                }
            }
        }
    }

    private async Task SyncClaimsAsync()
    {
        try
        {
            await zfsClaims.SyncAsync(cluster.Claims.List(), stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ZfsException or NoLocalEquivalentException or HttpOperationException)
        {
            // The claim stays Pending (its Pods wait in ContainerCreating); the next sync tries again.
            if (logger is not null)
            {
                RuntimeLog.SyncFailed(logger, e);
            }
        }
    }

    /// <summary>Level-triggered: compares the Pods the API has with the Pods the runtime runs.</summary>
    private async Task SyncPodsAsync()
    {
        var wanted = cluster.ListPods()
            .Where(p => !string.IsNullOrEmpty(p.Status?.PodIP) && p.Metadata.DeletionTimestamp is null)
            .ToDictionary(PodKey.Of);
        foreach (var (key, uid) in Runtime.RunningPods)
        {
            if (!wanted.TryGetValue(key, out var pod) || pod.Metadata.Uid != uid)
            {
                await Runtime.DeletePodAsync(key).ConfigureAwait(false);
            }
        }

        foreach (var pod in wanted.Values.Where(p => !Runtime.RunningPods.ContainsKey(PodKey.Of(p))))
        {
            Runtime.RunPod(pod);
        }
    }

    private void Signal()
    {
        try
        {
            if (changed.CurrentCount == 0)
            {
                changed.Release();
            }
        }
        catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
        {
            // Already signalled, or stopping.
        }
    }
}
