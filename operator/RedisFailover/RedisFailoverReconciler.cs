using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Builders;
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
    RedisFailoverResources kinds, RedisFailoverSessions sessions, IEventRecorder events, TimeProvider time, ILogger<RedisFailoverReconciler> logger) : IReconciler
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
            await new RedisFailoverDeletion(kinds).RunAsync(resource, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
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
                session = await sessions.GetAsync(key, resource.Metadata.Uid, password).ConfigureAwait(false);
                var check = new RedisFailoverCheck(events);
                plan = await check.RunAsync(resource, session, redisPods, sentinelPods, configuration, changes, cancellationToken).ConfigureAwait(false);
                await ScaleAsync(resource, session, children, configuration, redisPods, sentinelPods, plan, cancellationToken).ConfigureAwait(false);
                roll = await new RedisFailoverRoll(kinds, events, time, logger).RunAsync(resource, session, check, redisPods, sentinelPods, changes, cancellationToken).ConfigureAwait(false);
            }
        }

        var status = StatusCalculator.Compute(new StatusInput(
            resource, [.. redisPods.Select(State)], [.. sentinelPods.Select(State)], plan, errors, session?.LatestFailover(MissedFailover(resource, session, plan, redisPods)), time.GetUtcNow().UtcDateTime,
            session?.SplitBrainsToRecord ?? 0, roll));
        var statusChanged = await StatusWriter.WriteIfChangedAsync(kinds.RedisFailovers.Client, kinds.RedisFailovers.Cache, resource, status, r => r.Status, (r, s) => r.Status = s, cancellationToken).ConfigureAwait(false);
        if (session is not null)
        {
            session.SplitBrainsToRecord = 0;
        }

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
        IReadOnlyList<V1Pod> redisPods, IReadOnlyList<V1Pod> sentinelPods, HealPlan? plan, CancellationToken cancellationToken)
    {
        var names = new RedisFailoverNames(resource.Metadata.Name);
        var ns = resource.Metadata.NamespaceProperty;
        var redisSet = kinds.StatefulSets.Get(ns, names.RedisStatefulSet);
        var sentinelSet = kinds.StatefulSets.Get(ns, names.SentinelStatefulSet);
        var masterPod = plan?.Master is { } m ? redisPods.FirstOrDefault(p => p.Status?.PodIP == m.Host) : null;
        int? masterOrdinal = masterPod is null ? null : new Policy.RedisNodeObservation(masterPod.Metadata.Name, default, null).Ordinal;
        // A new Redis pod counts once it replicates from the master, so each step up waits for the sync.
        var redisReplicas = ScaleStep.Next(redisSet?.Spec.Replicas, resource.Spec.Redis.Replicas, Math.Min(redisPods.Count(IsReady), plan?.InSync ?? 0), masterOrdinal);
        var sentinelReplicas = ScaleStep.Next(sentinelSet?.Spec.Replicas, resource.Spec.Sentinel.Replicas, Math.Min(sentinelPods.Count(IsReady), plan?.Agreement.Agreeing ?? 0), null);
        if (redisSet?.Spec.Replicas is { } current && resource.Spec.Redis.Replicas < current && redisReplicas == current
            && plan is { Agreement.Kind: SentinelAgreementKind.Agreed } && sentinelPods.FirstOrDefault(p => p.Status?.PodIP is not null) is { } sentinel)
        {
            // The pod to remove is the master: Sentinel moves the master first, the next check shrinks.
            await session.Sentinels.FailoverAsync(new(sentinel.Status.PodIP, RedisFailoverNames.SentinelPort), names.MasterName, cancellationToken).ConfigureAwait(false);
            session.HandedOver = plan.Master;
            events.Normal(resource, HealReasons.MasterChanged, $"Asked Sentinel to fail over before removing master pod {masterPod?.Metadata.Name}");
        }

        await children.ApplyAsync(configuration, redisReplicas, sentinelReplicas, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sentinel moved the master without the follower seeing it: the check records the failover itself.</summary>
    private Api.FailoverRecord? MissedFailover(Api.RedisFailover resource, RedisFailoverSession? session, HealPlan? plan, IReadOnlyList<V1Pod> redisPods)
    {
        var previous = resource.Status.Master?.Pod;
        var current = plan is { Agreement.Kind: SentinelAgreementKind.Agreed, Master: { } m } ? redisPods.FirstOrDefault(p => p.Status?.PodIP == m.Host)?.Metadata.Name : null;
        if (session is null || previous is null || current is null || previous == current || session.Follower.Latest?.ToPod == current)
        {
            return session?.MissedFailover;
        }

        session.MissedFailover = new Api.FailoverRecord { Time = time.GetUtcNow().UtcDateTime, From = previous, To = current };
        return session.MissedFailover;
    }

    private (IReadOnlyList<V1Pod> Redis, IReadOnlyList<V1Pod> Sentinel) Pods(Api.RedisFailover resource)
    {
        var pods = kinds.Pods.Cache.List(resource.Metadata.NamespaceProperty)
            .Where(p => p.Metadata.DeletionTimestamp is null && p.GetLabel("app.kubernetes.io/instance") == resource.Metadata.Name && p.GetLabel("app.kubernetes.io/name") == "redisfailover")
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        return ([.. pods.Where(p => p.GetLabel("app.kubernetes.io/component") == RedisFailoverLabels.RedisComponent)],
                [.. pods.Where(p => p.GetLabel("app.kubernetes.io/component") == RedisFailoverLabels.SentinelComponent)]);
    }

    private static PodState State(V1Pod pod) => new(pod.Metadata.Name, pod.Status?.PodIP, IsReady(pod));

    private static bool IsReady(V1Pod pod) => pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    [LoggerMessage(Level = LogLevel.Information, Message = "redisfailover {Namespace}/{Name}: {Changes}")]
    private static partial void LogReconciled(ILogger logger, string @namespace, string name, string changes);
}
