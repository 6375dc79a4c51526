using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.Runtime;
using k8s.Models;

namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>
/// The PerconaCluster's nodes as ProxySQL's backends, a pure function of the cluster and its pods: every pod with an IP,
/// by IP. A node whose pod is not Ready (its container died, or Galera's readiness check fails) or that the cluster's
/// status shows not Synced, or that a roll is about to restart (its leaving-writer mark), is to leave the writer
/// hostgroup at once, before ProxySQL's next check.
/// </summary>
internal static class BackendNodes
{
    public const string Synced = "Synced";

    public static List<BackendNode> From(Api.PerconaCluster cluster, IEnumerable<V1Pod> pods)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var states = (cluster.Status?.Nodes ?? []).Where(n => n.Pod is not null).ToDictionary(n => n.Pod!, n => n.State, StringComparer.Ordinal);
        return [.. pods
            .Where(p => p.Metadata.DeletionTimestamp is null && PerconaClusterLabels.InstanceOf(p) == cluster.Metadata.Name && p.Status?.PodIP is { Length: > 0 })
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .Select(p => new BackendNode(
                p.Metadata.Name, p.Status.PodIP, !PodReadiness.IsReady(p) || p.Metadata.Annotations?.ContainsKey(PerconaClusterLabels.LeavingWriterAnnotation) == true || (states.TryGetValue(p.Metadata.Name, out var state) && state is not null && state != Synced)))];
    }
}
