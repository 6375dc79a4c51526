using BackendStack.Emulator.Storage;
using BackendStack.PodRuntime;

namespace BackendStack.Emulator;

/// <summary>
/// Faults for tests to prove a client survives them: dropped watches, expired watch history,
/// failing requests, added latency and, with local Pods, crashed Pod processes.
/// </summary>
public sealed class FaultInjector
{
    private readonly ObjectStore store;
    private readonly Lock gate = new();
    private readonly List<PlannedFailure> failures = [];

    internal FaultInjector(ObjectStore store) => this.store = store;

    /// <summary>The node agent running Pods as processes, once the host has started it.</summary>
    internal Kubelet? LocalPods { get; set; }

    /// <summary>Delay added before every API request is handled.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Ends every open watch, as when an API server restarts; clients must re-list or resume.</summary>
    public void DropAllWatches() => store.DropSubscriptions();

    /// <summary>Forgets the watch history, so the next watch from any older resourceVersion gets 410 Expired.</summary>
    public void ExpireWatchHistory() => store.CompactHistory();

    /// <summary>
    /// Answers the next <paramref name="count"/> requests matching a verb (get, list, watch, create, update,
    /// patch, delete; "*" for any) and resource (plural such as "leases", "apptiers/status"; "*" for any)
    /// with <paramref name="statusCode"/> (409, 429, 500 or 503) instead of handling them.
    /// </summary>
    public void FailNext(int count, string verb, string resource, int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate) failures.Add(new PlannedFailure(verb, resource, statusCode) { Remaining = count });
    }

    /// <summary>
    /// Crashes a Pod's process as kill -9 would (<paramref name="signal"/> 9 by default): the container of that
    /// name, or the Pod's first running one. Unlike a delete, the Pod stays and its restartPolicy applies, so
    /// the kubelet restarts the container and its restartCount grows. False when no such container runs.
    /// Needs <see cref="EmulatorOptions.LocalPods"/>.
    /// </summary>
    public bool KillPodProcess(string namespaceName, string pod, string? container = null, int signal = 9) =>
        (LocalPods ?? throw new InvalidOperationException("Pod processes run only with EmulatorOptions.LocalPods"))
            .Runtime.KillContainer(new PodKey(namespaceName, pod), container, signal);

    /// <summary>Clears planned failures and latency.</summary>
    public void Reset()
    {
        lock (gate) failures.Clear();
        Latency = TimeSpan.Zero;
    }

    internal int? TakeFailure(string verb, string resource, string? subresource)
    {
        lock (gate)
        {
            var failure = failures.FirstOrDefault(f => f.Matches(verb, resource, subresource));
            if (failure is null) return null;
            if (--failure.Remaining == 0) failures.Remove(failure);
            return failure.StatusCode;
        }
    }

    private sealed record PlannedFailure(string Verb, string Resource, int StatusCode)
    {
        public int Remaining { get; set; }

        public bool Matches(string verb, string resource, string? subresource) =>
            (Verb == "*" || Verb == verb) && RequestCounters.ResourceMatches(Resource, resource, subresource);
    }
}
