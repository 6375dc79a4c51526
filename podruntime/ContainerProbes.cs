using BackendStack.PodRuntime.Probes;
using BackendStack.PodRuntime.Processes;
using k8s.Models;

namespace BackendStack.PodRuntime;

/// <summary>
/// The probes of one running container: the startup probe first, then readiness (drives Ready)
/// and liveness (a failure stops the container: SIGTERM, SIGKILL after the grace period).
/// </summary>
internal sealed class ContainerProbes(
    PodContext pod, V1Container container, ProbeTarget target, ContainerProcess process, bool isInit, Action<bool?, bool?> report)
{
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
            var success = await pod.Probes.RunAsync(probe, target, token).ConfigureAwait(false);
            tracker.Record(success);
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
            : RepeatAsync(probe, initial: false, healthy =>
            {
                report(healthy, null);
                return Task.FromResult(false);
            }, token);

    private Task LivenessAsync(CancellationToken token) =>
        container.LivenessProbe is not { } probe || isInit
            ? Task.CompletedTask
            : RepeatAsync(probe, initial: true, async healthy =>
            {
                if (!healthy)
                {
                    await KillAsync("liveness").ConfigureAwait(false);
                }

                return !healthy;
            }, token);

    /// <summary>Runs a probe every period; <paramref name="changed"/> hears each change of its result and returns true to stop.</summary>
    private async Task RepeatAsync(V1Probe probe, bool initial, Func<bool, Task<bool>> changed, CancellationToken token)
    {
        var tracker = new ProbeTracker(probe, initial);
        await pod.DelayAsync(tracker.InitialDelay, token).ConfigureAwait(false);
        while (true)
        {
            var success = await pod.Probes.RunAsync(probe, target, token).ConfigureAwait(false);
            if (tracker.Record(success) && await changed(tracker.Healthy).ConfigureAwait(false))
            {
                return;
            }

            await pod.DelayAsync(tracker.Period, token).ConfigureAwait(false);
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
