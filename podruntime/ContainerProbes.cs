using BackendStack.PodRuntime.Probes;
using BackendStack.PodRuntime.Processes;
using k8s.Models;

namespace BackendStack.PodRuntime;

/// <summary>
/// The probes of one running container: the startup probe first, then readiness (drives Ready)
/// and liveness (a failure stops the container: SIGTERM, SIGKILL after the grace period). Failed
/// attempts and changes of verdict go to the container's probe log (<see cref="RuntimeLayout.ProbeLogPath"/>).
/// </summary>
internal sealed class ContainerProbes(
    PodContext pod, V1Container container, ProbeTarget target, ContainerProcess process, bool isInit, Action<bool?, bool?> report)
{
    private readonly ProbeLog log = new(pod.Layout.ProbeLogPath(pod.Key, pod.Uid, container.Name), pod.Options.Time);

    /// <summary>A liveness or startup probe failed and stopped the container.</summary>
    public bool KilledContainer { get; private set; }

    public async Task RunAsync(CancellationToken token)
    {
        try
        {
            if (container.StartupProbe is { } startup)
            {
                if (!await UntilHealthyAsync(startup, token).ConfigureAwait(false))
                {
                    await KillAsync("startup").ConfigureAwait(false);
                    return;
                }

                report(container.ReadinessProbe is null && !isInit, true);
            }

            await Task.WhenAll(ReadinessAsync(token), LivenessAsync(token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The container exited or the Pod is stopping.
        }
    }

    /// <summary>Runs the startup probe until it succeeds (true) or reaches its failure threshold (false).</summary>
    private async Task<bool> UntilHealthyAsync(V1Probe probe, CancellationToken token)
    {
        var tracker = new ProbeTracker(probe, initial: false);
        await pod.DelayAsync(tracker.InitialDelay, token).ConfigureAwait(false);
        var failures = 0;
        while (true)
        {
            var success = await AttemptAsync("startup", probe, token).ConfigureAwait(false);
            if (tracker.Record(success))
            {
                Record(() => log.Changed("startup", tracker.Healthy));
            }

            failures = success ? 0 : failures + 1;
            if (tracker.Healthy)
            {
                return true;
            }

            if (failures >= Math.Max(1, probe.FailureThreshold ?? 3))
            {
                return false;
            }

            await pod.DelayAsync(tracker.Period, token).ConfigureAwait(false);
        }
    }

    private Task ReadinessAsync(CancellationToken token) =>
        container.ReadinessProbe is not { } probe || isInit
            ? Task.CompletedTask
            : RepeatAsync("readiness", probe, initial: false, healthy =>
            {
                report(healthy, null);
                return Task.FromResult(false);
            }, token);

    private Task LivenessAsync(CancellationToken token) =>
        container.LivenessProbe is not { } probe || isInit
            ? Task.CompletedTask
            : RepeatAsync("liveness", probe, initial: true, async healthy =>
            {
                if (!healthy)
                {
                    await KillAsync("liveness").ConfigureAwait(false);
                }

                return !healthy;
            }, token);

    /// <summary>Runs a probe every period; <paramref name="changed"/> hears each change of its result and returns true to stop.</summary>
    private async Task RepeatAsync(string kind, V1Probe probe, bool initial, Func<bool, Task<bool>> changed, CancellationToken token)
    {
        var tracker = new ProbeTracker(probe, initial);
        await pod.DelayAsync(tracker.InitialDelay, token).ConfigureAwait(false);
        while (true)
        {
            var success = await AttemptAsync(kind, probe, token).ConfigureAwait(false);
            if (tracker.Record(success))
            {
                Record(() => log.Changed(kind, tracker.Healthy));
                if (await changed(tracker.Healthy).ConfigureAwait(false))
                {
                    return;
                }
            }

            await pod.DelayAsync(tracker.Period, token).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt; a failure is written to the probe log with its reason.</summary>
    private async Task<bool> AttemptAsync(string kind, V1Probe probe, CancellationToken token)
    {
        var result = await pod.Probes.RunAsync(probe, target, token).ConfigureAwait(false);
        if (!result.Success)
        {
            RuntimeLog.ProbeFailed(pod.Logger, pod.Key, container.Name, kind, result.Detail);
            Record(() => log.Failed(kind, result));
        }

        return result.Success;
    }

    /// <summary>The probe log is for reading after the fact: a write that fails (the Pod's directory is going) does not stop probing.</summary>
    private void Record(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RuntimeLog.ProbeLogFailed(pod.Logger, e, pod.Key, container.Name, log.Path);
        }
    }

    private async Task KillAsync(string probe)
    {
        RuntimeLog.ProbeKill(pod.Logger, pod.Key, container.Name, probe);
        KilledContainer = true;
        report(false, null);
        process.Signal(Signals.Term);
        var grace = (container.LivenessProbe?.TerminationGracePeriodSeconds ?? pod.Pod.Spec.TerminationGracePeriodSeconds) is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : pod.GracePeriod;
        await Task.WhenAny(process.Exited, Task.Delay(grace, pod.Options.Time)).ConfigureAwait(false);
        process.KillAll();
    }
}
