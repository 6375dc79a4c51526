using BackendStack.Operator.Api;
using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.PerconaClusters.Policy;
using BackendStack.Operator.RedisFailovers.Status;

namespace BackendStack.Operator.PerconaClusters.Status;

/// <summary>
/// The status of a PerconaCluster as a pure function of what one reconcile saw: per-node Galera state, counts,
/// whether every reachable node is in a Primary component, and the conditions Ready (every node Synced in one
/// Primary component of full size), QuorumHealthy, Progressing, Degraded and Paused, with messages that name the
/// node and what it lacks.
/// </summary>
internal static class ClusterStatusCalculator
{
    public static PerconaClusterStatus Compute(ClusterStatusInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resource = input.Resource;
        var spec = resource.Spec;
        var nodes = input.Nodes;
        var reachable = nodes.Where(n => n.State?.Reachable == true).ToList();
        var primary = reachable.Count > 0 && reachable.All(n => n.State!.Primary);
        var synced = nodes.Count(n => n.Synced);
        var desired = spec.Pause ? 0 : spec.Size;
        var previous = resource.Status;
        var conditions = new Conditions(previous?.Conditions, resource.Metadata.Generation, input.Now);

        var lacking = Enumerable.Range(0, desired).Select(i => new PerconaClusterNames(resource.Metadata.Name).Pod(i))
            .Select(pod => (pod, node: nodes.FirstOrDefault(n => n.Pod == pod)))
            .Where(p => p.node is not { Synced: true, PodReady: true } || p.node.State!.ClusterSize != desired)
            .Select(p => $"{p.pod} {Lacks(p.node, desired)}")
            .ToList();
        var ready = input.Errors.Count == 0 && !spec.Pause && lacking.Count == 0 && primary && nodes.Count == desired;
        conditions.Set(ConditionTypes.Ready, ready, ready ? ClusterReasons.AllNodesSynced : spec.Pause ? ClusterReasons.Paused : ClusterReasons.NodesNotSynced,
            ready ? $"{synced} of {desired} nodes Synced in one Primary component"
                : spec.Pause ? "the cluster is paused"
                : input.Errors.Count > 0 ? string.Join("; ", input.Errors)
                : string.Join("; ", lacking.DefaultIfEmpty("waiting for the nodes")));

        var nonPrimary = reachable.Where(n => !n.State!.Primary).Select(n => $"{n.Pod} reports {n.State!.ClusterStatus ?? "no"} component").ToList();
        var quorum = primary;
        conditions.Set(ConditionTypes.QuorumHealthy, quorum, quorum ? ClusterReasons.PrimaryComponent : reachable.Count == 0 ? ClusterReasons.NoPrimaryComponent : ClusterReasons.NonPrimaryNode,
            quorum ? $"{reachable.Count} reachable nodes report a Primary component"
                : reachable.Count == 0 ? (nodes.Count == 0 ? "no node is running" : "no node answers: " + string.Join(", ", nodes.Select(n => $"{n.Pod} {Lacks(n, desired)}")))
                : string.Join("; ", nonPrimary));

        var progressing = Progress(input, nodes.Count, desired);
        var progressReason = input.Recovery.Bootstrap is not null || input.Recovery.Waiting is not null ? ClusterReasons.Recovering
            : input.Rolling && nodes.Count == desired ? ClusterReasons.RollingUpdate : ClusterReasons.Scaling;
        conditions.Set(ConditionTypes.Progressing, progressing is not null, progressing is null ? ClusterReasons.Stable : progressReason, progressing ?? "nothing to change");

        var (degraded, degradedReason, degradedMessage) =
            input.Errors.Count > 0 ? (true, ConditionReasons.InvalidSpec, string.Join("; ", input.Errors))
            : input.Recovery.FullCrash is { } crash ? (true, ClusterReasons.FullCrash, crash)
            : !spec.Pause && progressing is null && !ready ? (true, ClusterReasons.NodeNotSynced, string.Join("; ", lacking.DefaultIfEmpty(string.Join("; ", nonPrimary))))
            : (false, ClusterReasons.Healthy, "no problem found");
        conditions.Set(ConditionTypes.Degraded, degraded, degradedReason, degradedMessage);

        var paused = spec.Pause && nodes.Count == 0;
        conditions.Set(ConditionTypes.Paused, paused, paused ? ClusterReasons.Paused : spec.Pause ? ClusterReasons.Pausing : ClusterReasons.Running,
            paused ? "every node stopped cleanly; set spec.pause to false to resume" : spec.Pause ? $"stopping nodes, highest ordinal first ({nodes.Count} left)" : "the cluster runs");

        return new PerconaClusterStatus
        {
            ObservedGeneration = resource.Metadata.Generation,
            Phase = input.Errors.Count > 0 ? Phase.Degraded
                : paused ? Phase.Paused
                : ready ? Phase.Ready
                : degraded ? Phase.Degraded
                : nodes.Count == 0 && !spec.Pause ? Phase.Pending
                : Phase.Provisioning,
            Size = nodes.Count,
            Ready = nodes.Count(n => n.PodReady),
            Synced = synced,
            PrimaryComponent = primary,
            Nodes = [.. nodes.Select(n => new GaleraNodeStatus
            {
                Pod = n.Pod,
                State = n.State is { Reachable: true } s ? s.StateComment : n.Running ? "Unreachable" : "Down",
                ClusterSize = n.State?.ClusterSize,
                Ready = n.State?.Ready ?? false,
                Seqno = n.Seqno,
            })],
            LastRecovery = input.LastRecovery ?? previous?.LastRecovery,
            Selector = PerconaClusterLabels.SelectorString(resource.Metadata.Name),
            Conditions = conditions.List,
        };
    }

    private static string? Progress(ClusterStatusInput input, int nodes, int desired)
    {
        if (input.Recovery.Bootstrap is { } node)
        {
            return $"bootstrapping from {node.Pod} (seqno {input.Recovery.Seqno})";
        }

        if (input.Recovery.Waiting is { } waiting)
        {
            return $"recovering: {waiting}";
        }

        if (input.Scale?.Change is { } change)
        {
            return change;
        }

        if (nodes != desired || input.Scale?.Replicas != desired)
        {
            return $"scaling to {desired} nodes" + (input.Scale?.Waiting is { } why ? $": {why}" : "");
        }

        return input.Rolling ? "rolling nodes onto the new template, highest ordinal first" : null;
    }

    private static string Lacks(GaleraNode? node, int desired) => node switch
    {
        null => "does not exist",
        { Running: false } => "is not running",
        { State: null } => "has no IP yet",
        { State.Reachable: false } => "does not answer",
        { State.Primary: false } => $"is in a {node.State.ClusterStatus ?? "non-Primary"} component",
        { Synced: false } => $"is {node.State.StateComment}, not Synced",
        { PodReady: false } => "is Synced; its readiness probe has not passed yet",
        _ => $"sees a cluster of {node.State.ClusterSize}, not {desired}",
    };
}
