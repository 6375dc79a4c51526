using System.Globalization;
using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.PerconaClusters.Policy;
using BackendStack.Operator.Runtime.Events;
using k8s.Models;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>
/// The side effects of a roll: restarts the node <see cref="RollPolicy"/> picks, moving the ProxySQL writer away from it
/// first (<see cref="WriterHandOffPolicy"/>), and clears the leaving mark of any pod the roll no longer restarts next.
/// </summary>
internal sealed class PerconaClusterRoll(PerconaClusterResources kinds, PerconaClusterChildren children, IEventRecorder events, TimeProvider time)
{
    public async Task RunAsync(
        Api.PerconaCluster resource, string? updateRevision, int replicas, bool mayRoll, IReadOnlyList<GaleraNode> nodes, IReadOnlyList<V1Pod> pods,
        CancellationToken cancellationToken)
    {
        var writers = Writers(resource);
        var pending = RollPolicy.Pending(updateRevision, nodes);
        var next = mayRoll && writers is not null ? RollPolicy.NextToRoll(updateRevision, replicas, nodes, writers) : null;
        foreach (var marked in pods.Where(p => IsMarked(p) && next?.Pod != p.Metadata.Name && (writers is not null || !pending)))
        {
            await children.MarkLeavingWriterAsync(marked, null, cancellationToken).ConfigureAwait(false);
        }

        if (next is null || writers is null)
        {
            return;
        }

        var pod = pods.First(p => p.Metadata.Name == next.Pod);
        var markedAt = IsMarked(pod) ? MarkedAt(pod) ?? DateTimeOffset.MinValue : (DateTimeOffset?)null;
        switch (WriterHandOffPolicy.Decide(next.Pod, writers, markedAt, time.GetUtcNow()))
        {
            case WriterHandOff.Restart:
                await children.DeletePodAsync(pod, cancellationToken).ConfigureAwait(false);
                events.Normal(resource, "RollingUpdate", writers.Contains(next.Pod)
                    ? $"restarting {next.Pod} on the new template; a ProxySQL still writes to it after {WriterHandOffPolicy.Patience.TotalSeconds:0} s"
                    : $"restarting {next.Pod} on the new template (every other node is Synced{(markedAt is null ? "" : ", the writer moved away")})");
                break;
            case WriterHandOff.MarkLeaving:
                await children.MarkLeavingWriterAsync(pod, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                events.Normal(resource, "MovingWriter", $"moving the ProxySQL writer away from {next.Pod} before restarting it");
                break;
            case WriterHandOff.Wait:
                break;
        }
    }

    /// <summary>
    /// The pods every ProxySQL in front of this cluster names as its writer; null while one of them shows more writers
    /// than it keeps (just after a LOAD, until its Galera monitor's next check), when the writer is not known yet.
    /// </summary>
    private HashSet<string>? Writers(Api.PerconaCluster resource)
    {
        var writers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var proxy in kinds.Proxies.Cache.List(resource.Metadata.NamespaceProperty)
            .Where(p => p.Metadata.DeletionTimestamp is null && p.Spec.ClusterRef?.Name == resource.Metadata.Name))
        {
            var named = (proxy.Status?.Writer ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (named.Length > proxy.Spec.Writers.MaxWriters)
            {
                return null;
            }

            writers.UnionWith(named);
        }

        return writers;
    }

    private static bool IsMarked(V1Pod pod) => pod.Metadata.Annotations?.ContainsKey(PerconaClusterLabels.LeavingWriterAnnotation) == true;

    private static DateTimeOffset? MarkedAt(V1Pod pod) =>
        pod.Metadata.Annotations?.TryGetValue(PerconaClusterLabels.LeavingWriterAnnotation, out var value) == true
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
