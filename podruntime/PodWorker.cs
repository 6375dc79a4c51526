using BackendStack.PodRuntime.Processes;
using BackendStack.PodRuntime.Status;
using BackendStack.PodRuntime.Volumes;
using k8s;
using k8s.Models;

namespace BackendStack.PodRuntime;

/// <summary>
/// Runs one Pod: sets up its volumes, runs init containers in order, then the containers, and
/// reports the Pod's status whenever it changes.
/// </summary>
internal sealed class PodWorker : IAsyncDisposable
{
    private readonly PodContext context;
    private readonly IPodStatusSink sink;
    private readonly PodVolumes volumes;
    private readonly List<ContainerSupervisor> initContainers;
    private readonly List<ContainerSupervisor> containers;
    private readonly SemaphoreSlim changed = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly DateTimeOffset startTime;
    private readonly Func<string, Task> ensureHosts;
    private Task run = Task.CompletedTask;
    private Task reports = Task.CompletedTask;
    private V1PodStatus? reported;
    private string reportedJson = "";

    public PodWorker(V1Pod pod, RuntimeServices services)
    {
        context = new PodContext
        {
            Pod = pod,
            RuntimeId = services.RuntimeId,
            Options = services.Options,
            Layout = services.Layout,
            Cluster = services.Cluster,
            Probes = services.Probes,
            Logger = services.Logger,
            Changed = Changed,
        };
        sink = services.Sink;
        ensureHosts = services.EnsureHostsAsync;
        startTime = context.Now;
        volumes = new PodVolumes(context.Pod, context.Layout, context.Cluster);
        initContainers = [.. (context.Pod.Spec.InitContainers ?? []).Select(c => new ContainerSupervisor(context, c, isInit: true))];
        containers = [.. context.Pod.Spec.Containers.Select(c => new ContainerSupervisor(context, c, isInit: false))];
    }

    public PodKey Key => context.Key;

    public string Uid => context.Uid;

    public double GracePeriodSeconds => context.GracePeriod.TotalSeconds;

    public V1PodStatus? Status => Volatile.Read(ref reported) ?? Compute();

    public IEnumerable<ContainerSupervisor> AllContainers => initContainers.Concat(containers);

    public void Start()
    {
        run = Task.Run(RunAsync);
        reports = Task.Run(ReportAsync);
        Changed();
    }

    /// <summary>Rewrites ConfigMap and Secret volumes whose sources changed.</summary>
    public void RefreshVolumes()
    {
        if (context.VolumePaths.Count > 0)
        {
            volumes.Refresh();
        }
    }

    /// <summary>Stops every container (SIGTERM, then SIGKILL after <paramref name="grace"/>) and removes the Pod's own files.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(AllContainers.Select(c => c.StopAsync(grace))).ConfigureAwait(false);
        await run.ConfigureAwait(false);
        ProcessSweeper.KillAll(ProcessMarker.ContainerVariable, ProcessMarker.Pod(context.RuntimeId, context.Uid));
        Changed();
        await reports.ConfigureAwait(false);
        var directory = context.Layout.PodDirectory(context.Key, context.Uid);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
        }

        foreach (var container in AllContainers)
        {
            container.Dispose();
        }

        changed.Dispose();
        stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                context.VolumePaths = volumes.Prepare();
                await ensureHosts(context.Key.Namespace).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (e is VolumeSourceException or IOException or UnauthorizedAccessException)
            {
                RuntimeLog.PodWarning(context.Logger, context.Key, e.Message);
                foreach (var container in AllContainers)
                {
                    container.SetWaiting(initContainers.Contains(container) ? "PodInitializing" : "ContainerCreating", e.Message);
                }

                await Sleep(context.Options.SyncInterval * 2, token).ConfigureAwait(false);
            }
        }

        if (token.IsCancellationRequested)
        {
            return;
        }

        foreach (var init in initContainers)
        {
            await init.RunAsync().ConfigureAwait(false);
            if (!init.Succeeded)
            {
                return;
            }
        }

        await Task.WhenAll(containers.Select(c => c.RunAsync())).ConfigureAwait(false);
    }

    private async Task ReportAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            await changed.WaitAsync().ConfigureAwait(false);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            var status = Compute();
            var json = KubernetesJson.Serialize(status);
            if (json == reportedJson)
            {
                continue;
            }

            try
            {
                await sink.ReportAsync(context.Key, context.Uid, status, stopping.Token).ConfigureAwait(false);
                reportedJson = json;
                Volatile.Write(ref reported, status);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RuntimeLog.StatusReportFailed(context.Logger, e, context.Key);
                await Sleep(context.Options.SyncInterval, stopping.Token).ConfigureAwait(false);
                Changed();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private V1PodStatus Compute() => PodStatusCalculator.Compute(new PodStatusInput(
        context.Pod,
        [.. initContainers.Select(c => c.Snapshot())],
        [.. containers.Select(c => c.Snapshot())],
        context.Options.HostIP,
        startTime,
        context.Now,
        Volatile.Read(ref reported)));

    private void Changed()
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
            // Already signalled, or the Pod is gone.
        }
    }

    private static async Task Sleep(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
