using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Follower;
using BackendStack.Operator.RedisFailovers.Policy;
using BackendStack.Operator.Runtime.Events;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// The periodic check of one RedisFailover's data plane: observe every server, plan with the
/// policies, heal and correct configuration drift through the session's executor, and move the
/// master label where the master is. Every step taken is recorded as an Event on the resource.
/// </summary>
internal sealed class RedisFailoverCheck(IEventRecorder events, RedisFailoverMetrics metrics)
{
    /// <summary>The plan of the last run; null when there was nothing to observe.</summary>
    public HealPlan? Plan { get; private set; }

    /// <summary>The Redis servers the last run observed.</summary>
    public IReadOnlyCollection<RedisNodeObservation> Nodes { get; private set; } = [];

    /// <summary>The sentinels the last run observed.</summary>
    public IReadOnlyCollection<SentinelObservation> Sentinels { get; private set; } = [];

    public async Task<HealPlan?> RunAsync(
        Api.RedisFailover resource,
        RedisFailoverSession session,
        IReadOnlyList<V1Pod> redisPods,
        IReadOnlyList<V1Pod> sentinelPods,
        RedisConfiguration configuration,
        List<string> changes,
        CancellationToken cancellationToken)
    {
        var names = new RedisFailoverNames(resource.Metadata.Name);
        var ns = resource.Metadata.NamespaceProperty;
        var redis = redisPods.Where(p => p.Status?.PodIP is not null).Select(p => (p.Metadata.Name, p.Status.PodIP)).ToList();
        var sentinelIps = sentinelPods.Select(p => p.Status?.PodIP).OfType<string>().ToList();
        await session.Follower.SetSentinelsAsync(sentinelIps.Select(ip => new RedisEndpoint(ip, RedisFailoverNames.SentinelPort)), cancellationToken).ConfigureAwait(false);
        if (redis.Count == 0)
        {
            return null;
        }

        var executor = session.Executor;
        var (nodes, sentinels) = await session.Observer.ObserveAsync(redis, sentinelIps, names.MasterName, cancellationToken).ConfigureAwait(false);
        var plan = HealPlanner.Plan(new HealInput(nodes, sentinels, SentinelSettingsBuilder.Build(resource.Spec.Sentinel)) { IncompleteFor = session.Tracking.Update(sentinels, nodes), NotMasterFor = session.MasterSilence.Update(nodes), HandedOver = executor.HandedOver, ExpectedNodes = resource.Spec.Redis.Replicas });
        (Plan, Nodes, Sentinels) = (plan, nodes, sentinels);
        metrics.SentinelsAgreeing.WithLabels(ns, resource.Metadata.Name).Set(plan.Agreement.Agreeing);

        var outcomes = await executor.HealAsync(plan, cancellationToken).ConfigureAwait(false);
        foreach (var outcome in outcomes)
        {
            events.Step(resource, outcome.Action.Reason, outcome.Succeeded, RedisFailoverEvents.Outcome(outcome.Action.Describe(), outcome.Error));
            changes.Add(outcome.Action.Describe());
        }

        executor.Observed(nodes);
        foreach (var reset in outcomes.Where(o => o.Succeeded).Select(o => o.Action).OfType<ResetSentinel>())
        {
            session.Tracking.Forget(reset.Sentinel);
        }

        foreach (var (node, directive, error) in await executor.CorrectConfigAsync(nodes.Where(n => n.Reachable), configuration.Live, cancellationToken).ConfigureAwait(false))
        {
            events.Step(resource, "ConfigCorrected", error is null, error is null ? $"Set {directive} on {node.Pod} to the value the spec asks for" : $"Could not set {directive} on {node.Pod}: {error}");
            changes.Add($"config {directive} on {node.Pod}");
        }

        if (plan.Agreement.Kind is not (SentinelAgreementKind.Disagree or SentinelAgreementKind.FailoverInProgress)
            && plan.Master is { } master
            && (nodes.Any(n => n.Endpoint == master && n.IsMaster) || outcomes.Any(o => o.Succeeded && o.Action is PromoteReplica p && p.Node.Endpoint == master)))
        {
            await LabelAsync(resource, session, redisPods, master, changes, cancellationToken).ConfigureAwait(false);
            session.Follower.Settled(master);
        }

        return plan;
    }

    private async Task LabelAsync(Api.RedisFailover resource, RedisFailoverSession session, IReadOnlyList<V1Pod> redisPods, RedisEndpoint master, List<string> changes, CancellationToken cancellationToken)
    {
        var masterPod = redisPods.FirstOrDefault(p => p.Status?.PodIP == master.Host)?.Metadata.Name;
        var relabel = RoleLabelPolicy.Changes(redisPods, masterPod);
        if (relabel.Count == 0)
        {
            return;
        }

        await session.Labeler.ApplyAsync(resource.Metadata.NamespaceProperty, relabel, cancellationToken).ConfigureAwait(false);
        changes.Add($"labelled {string.Join(", ", relabel.Select(r => $"{r.Pod}={r.Role}"))}");
        var previous = redisPods.FirstOrDefault(p => p.GetLabel(RedisFailoverLabels.Role) == RedisFailoverLabels.MasterRole)?.Metadata.Name;
        if (relabel.Any(r => r.Role == RedisFailoverLabels.MasterRole))
        {
            metrics.MasterChanges.WithLabels(resource.Metadata.NamespaceProperty, resource.Metadata.Name).Inc();
            events.Normal(resource, HealReasons.MasterChanged, previous is null ? $"{masterPod} is the master" : $"Master moved from {previous} to {masterPod}");
        }
    }
}
