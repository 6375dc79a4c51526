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
        var next = mayRoll ? RollPolicy.NextToRoll(updateRevision, replicas, nodes, writers) : null;
        foreach (var marked in pods.Where(p => MarkedAt(p) is not null && (!pending || (next is not null && next.Pod != p.Metadata.Name))))
        {
            await children.MarkLeavingWriterAsync(marked, null, cancellationToken).ConfigureAwait(false);
        }

        if (next is null)
        {
            return;
        }

        var pod = pods.First(p => p.Metadata.Name == next.Pod);
        var markedAt = MarkedAt(pod);
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

    /// <summary>The pods every ProxySQL in front of this cluster names as its writer.</summary>
    private HashSet<string> Writers(Api.PerconaCluster resource) =>
        [.. kinds.Proxies.Cache.List(resource.Metadata.NamespaceProperty)
            .Where(p => p.Metadata.DeletionTimestamp is null && p.Spec.ClusterRef?.Name == resource.Metadata.Name)
            .SelectMany(p => (p.Status?.Writer ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static DateTimeOffset? MarkedAt(V1Pod pod) =>
        pod.Metadata.Annotations?.TryGetValue(PerconaClusterLabels.LeavingWriterAnnotation, out var value) == true
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
