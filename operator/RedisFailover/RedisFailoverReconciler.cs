using BackendStack.Operator.Api;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Follower;
using BackendStack.Operator.RedisFailovers.Policy;
using BackendStack.Operator.RedisFailovers.Status;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// Reconciles one RedisFailover: validates, keeps the Secret and children as the builders describe,
/// checks and heals the data plane, rolls pods onto a changed template, and writes the computed
/// status when it changed. The check repeats every 10 s (2 s while not ready or rolling);
/// Sentinel's announcements trigger it at once.
/// </summary>
internal sealed partial class RedisFailoverReconciler(
    RedisFailoverResources kinds, RedisFailoverSessions sessions, RedisFailoverWakeups wakeups, IEventRecorder events, RedisFailoverMetrics metrics, TimeProvider time,
    ILogger<RedisFailoverReconciler> logger) : IReconciler
{
    public const string CleanupFinalizer = "backendstack.io/cleanup";
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettlingInterval = TimeSpan.FromSeconds(2);

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var resource = kinds.RedisFailovers.Cache.Get(key);
        if (resource is null)
        {
            await sessions.RemoveAsync(key).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        if (resource.Metadata.DeletionTimestamp is not null)
        {
            await sessions.RemoveAsync(key).ConfigureAwait(false);
            // The StatefulSet's deletion wakes this again (it is owned); the delay covers a missed event.
            return await new RedisFailoverDeletion(kinds).RunAsync(resource, cancellationToken).ConfigureAwait(false)
                ? ReconcileResult.Done
                : ReconcileResult.After(TimeSpan.FromSeconds(2));
        }

        resource = await new RedisFailoverDeletion(kinds).EnsureFinalizerAsync(resource, cancellationToken).ConfigureAwait(false);
        var changes = new List<string>();
        var configuration = RedisConfigBuilder.Build(resource.Spec.Redis);
        var children = new RedisFailoverChildren(kinds, resource, changes);
        var (redisPods, sentinelPods) = Pods(resource);
        var errors = configuration.Errors.ToList();
        HealPlan? plan = null;
        RedisFailoverSession? session = null;
        var roll = RollDecision.Idle;
        var secretUnusable = false;
        if (errors.Count == 0)
        {
            var password = await children.EnsurePasswordAsync(cancellationToken).ConfigureAwait(false);
            if (password is null)
            {
                secretUnusable = true;
                errors.Add(new SpecError("spec.auth.secretName", $"Secret {new RedisFailoverNames(resource.Metadata.Name).AuthSecret(resource)} has no '{RedisFailoverNames.PasswordKey}' key"));
            }
            else
            {
                session = await sessions.GetAsync(key, resource.Metadata.Uid, password, wakeups).ConfigureAwait(false);
                var check = new RedisFailoverCheck(events, metrics);
                plan = await check.RunAsync(resource, session, redisPods, sentinelPods, configuration, changes, cancellationToken).ConfigureAwait(false);
                await ScaleAsync(resource, session, children, configuration, redisPods, sentinelPods, plan, changes, cancellationToken).ConfigureAwait(false);
                roll = await new RedisFailoverRoll(kinds, events, time, logger).RunAsync(resource, session, check, redisPods, sentinelPods, changes, cancellationToken).ConfigureAwait(false);
            }
        }

        var splitBrains = session?.Executor.SplitBrainsToRecord ?? 0;
        var status = StatusCalculator.Compute(new StatusInput(
            resource, [.. redisPods.Select(State)], [.. sentinelPods.Select(State)], plan, errors, session?.LatestFailover(MissedFailover(resource, session, plan, redisPods)), time.GetUtcNow().UtcDateTime,
            splitBrains, roll));
        var statusChanged = await StatusWriter.WriteIfChangedAsync(kinds.RedisFailovers.Client, kinds.RedisFailovers.Cache, resource, status, r => r.Status, (r, s) => r.Status = s, cancellationToken).ConfigureAwait(false);
        session?.Executor.SplitBrainsRecorded(splitBrains);

        if (statusChanged)
        {
            changes.Add($"status {status.Phase}");
            if (errors.Count > 0)
            {
                events.Warning(resource, ConditionReasons.InvalidSpec, string.Join("; ", errors));
            }
        }

        if (changes.Count > 0)
        {
            var summary = string.Join("; ", changes);
            LogReconciled(logger, key.Namespace, key.Name, summary);
        }

        // No watch reports a change to a Secret the user names (it is read by name, not cached): check it again.
        return errors.Count > 0 ? (secretUnusable ? ReconcileResult.After(CheckInterval) : ReconcileResult.Done)
            : ReconcileResult.After(status.Phase == Phase.Ready && plan is not { Actions.Count: > 0 } && !roll.Rolling ? CheckInterval : SettlingInterval);
    }

    private async Task ScaleAsync(
        Api.RedisFailover resource, RedisFailoverSession session, RedisFailoverChildren children, RedisConfiguration configuration,
        IReadOnlyList<V1Pod> redisPods, IReadOnlyList<V1Pod> sentinelPods, HealPlan? plan, List<string> changes, CancellationToken cancellationToken)
    {
        var names = new RedisFailoverNames(resource.Metadata.Name);
        var ns = resource.Metadata.NamespaceProperty;
        var sentinel = sentinelPods.FirstOrDefault(p => p.Status?.PodIP is not null)?.Status.PodIP;
        var decision = ScalePolicy.Decide(new ScaleInput(
            kinds.StatefulSets.Get(ns, names.RedisStatefulSet)?.Spec.Replicas,
            kinds.StatefulSets.Get(ns, names.SentinelStatefulSet)?.Spec.Replicas,
            resource.Spec.Redis.Replicas,
            resource.Spec.Sentinel.Replicas,
            redisPods.Count(PodReadiness.IsReady),
            sentinelPods.Count(PodReadiness.IsReady),
            plan?.Master is { } m ? redisPods.FirstOrDefault(p => p.Status?.PodIP == m.Host)?.Metadata.Name : null,
            sentinel is null ? null : new RedisEndpoint(sentinel, RedisFailoverNames.SentinelPort),
            plan));
        if (decision.HandOver is { } handOver)
        {
            var outcome = await session.Executor.HandOverAsync(handOver, cancellationToken).ConfigureAwait(false);
            events.Step(resource, handOver.Reason, outcome.Succeeded, RedisFailoverEvents.Outcome(handOver.Describe(), outcome.Error));
            changes.Add(handOver.Describe());
        }

        await children.ApplyAsync(configuration, decision.RedisReplicas, decision.SentinelReplicas, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sentinel moved the master without the follower seeing it: the check records the failover itself.</summary>
    private Api.FailoverRecord? MissedFailover(Api.RedisFailover resource, RedisFailoverSession? session, HealPlan? plan, IReadOnlyList<V1Pod> redisPods)
    {
        var previous = resource.Status.Master?.Pod;
        var current = plan is { Agreement.Kind: SentinelAgreementKind.Agreed, Master: { } m } ? redisPods.FirstOrDefault(p => p.Status?.PodIP == m.Host)?.Metadata.Name : null;
        if (session is null || previous is null || current is null || previous == current || session.Follower.Latest?.ToPod == current)
        {
            return session?.Executor.FoundFailover;
        }

        session.Executor.FailoverFound(new Api.FailoverRecord { Time = time.GetUtcNow().UtcDateTime, From = previous, To = current });
        return session.Executor.FoundFailover;
    }

    private (IReadOnlyList<V1Pod> Redis, IReadOnlyList<V1Pod> Sentinel) Pods(Api.RedisFailover resource)
    {
        var pods = kinds.Pods.Cache.List(resource.Metadata.NamespaceProperty)
            .Where(p => p.Metadata.DeletionTimestamp is null && RedisFailoverLabels.InstanceOf(p) == resource.Metadata.Name)
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        return ([.. pods.Where(p => RedisFailoverLabels.ComponentOf(p) == RedisFailoverLabels.RedisComponent)],
                [.. pods.Where(p => RedisFailoverLabels.ComponentOf(p) == RedisFailoverLabels.SentinelComponent)]);
    }

    private static PodState State(V1Pod pod) => new(pod.Metadata.Name, pod.Status?.PodIP, PodReadiness.IsReady(pod));

    [LoggerMessage(Level = LogLevel.Information, Message = "redisfailover {Namespace}/{Name}: {Changes}")]
    private static partial void LogReconciled(ILogger logger, string @namespace, string name, string changes);
}
