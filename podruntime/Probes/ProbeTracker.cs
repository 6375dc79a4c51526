using k8s.Models;

namespace BackendStack.PodRuntime.Probes;

/// <summary>
/// A probe's result over time with the kubelet's thresholds: success after successThreshold
/// consecutive successes, failure after failureThreshold consecutive failures. Pure.
/// </summary>
public sealed class ProbeTracker(V1Probe probe, bool initial)
{
    private int successes;
    private int failures;

    public bool Healthy { get; private set; } = initial;

    public TimeSpan InitialDelay { get; } = TimeSpan.FromSeconds(probe.InitialDelaySeconds ?? 0);

    public TimeSpan Period { get; } = TimeSpan.FromSeconds(Math.Max(1, probe.PeriodSeconds ?? 10));

    /// <summary>Records one attempt; returns true when <see cref="Healthy"/> changed.</summary>
    public bool Record(bool success)
    {
        successes = success ? successes + 1 : 0;
        failures = success ? 0 : failures + 1;
        var before = Healthy;
        if (success && successes >= Math.Max(1, probe.SuccessThreshold ?? 1))
        {
            Healthy = true;
        }
        else if (!success && failures >= Math.Max(1, probe.FailureThreshold ?? 3))
        {
            Healthy = false;
        }

        return before != Healthy;
    }
}
