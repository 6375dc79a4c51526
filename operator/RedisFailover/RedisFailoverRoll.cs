using System.Net;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Policy;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Events;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// The side effects of a roll: gathers what <see cref="RollPolicy"/> decides on, then deletes the
/// one pod it names (conditionally on the uid observed, so a stale cache never deletes the pod's
/// replacement) or asks a sentinel to fail over, and records each step as an Event.
/// </summary>
internal sealed partial class RedisFailoverRoll(RedisFailoverResources kinds, IEventRecorder events, TimeProvider time, ILogger logger)
{
    public async Task<RollDecision> RunAsync(
        Api.RedisFailover resource,
        RedisFailoverSession session,
        RedisFailoverCheck check,
        IReadOnlyList<V1Pod> redisPods,
        IReadOnlyList<V1Pod> sentinelPods,
        List<string> changes,
        CancellationToken cancellationToken)
    {
        if (check.Plan is not { } plan)
        {
            return RollDecision.Idle;
        }

        var names = new RedisFailoverNames(resource.Metadata.Name);
        var ns = resource.Metadata.NamespaceProperty;
        var requested = session.RollFailover is { } f && time.GetUtcNow() - f.At < TimeSpan.FromMilliseconds(2 * resource.Spec.Sentinel.FailoverTimeout) ? f.Pod : null;
        var decision = RollPolicy.Decide(new RollInput(
            [.. redisPods.Select(Pod)],
            [.. sentinelPods.Select(Pod)],
            Revision(kinds.StatefulSets.Get(ns, names.RedisStatefulSet)),
            Revision(kinds.StatefulSets.Get(ns, names.SentinelStatefulSet)),
            resource.Spec.Redis.Replicas,
            resource.Spec.Sentinel.Replicas,
            plan,
            check.Nodes,
            check.Sentinels,
            resource.Spec.Redis.Storage is not null,
            requested));
        if (decision.Step is null)
        {
            return decision;
        }

        var (done, error) = await ExecuteAsync(decision.Step, ns, names.MasterName, session, cancellationToken).ConfigureAwait(false);
        if (!done)
        {
            return decision;
        }

        var message = decision.Step.Describe() + (error is null ? "" : $" failed: {error}");
        if (error is null)
        {
            events.Normal(resource, decision.Step.Reason, message);
        }
        else
        {
            events.Warning(resource, decision.Step.Reason, message);
        }

        LogStep(logger, ns, resource.Metadata.Name, message, decision.Progress);
        changes.Add(message);
        return decision;
    }

    /// <summary>Runs the step; not done when the pod was already gone or replaced (the cache was behind: nothing to record).</summary>
    private async Task<(bool Done, string? Error)> ExecuteAsync(RollStep step, string ns, string masterName, RedisFailoverSession session, CancellationToken cancellationToken)
    {
        try
        {
            switch (step)
            {
                case RestartPod r:
                    var options = new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = r.Pod.Uid } };
                    await kinds.Pods.Client.DeleteAsync(ns, r.Pod.Name, options, cancellationToken).ConfigureAwait(false);
                    break;
                case FailoverBeforeRestart f:
                    session.RollFailover = (f.Master.Name, time.GetUtcNow());
                    // Demoting the master the roll moved away from is the handover, not a split brain.
                    session.HandedOver = f.Master.Ip is { } ip ? new RedisEndpoint(ip, RedisFailoverNames.RedisPort) : null;
                    await session.Sentinels.FailoverAsync(f.Sentinel, masterName, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name, "unknown roll step");
            }

            return (true, null);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return (false, null);
        }
        catch (RedisException e)
        {
            return (true, e.Message);
        }
    }

    /// <summary>The revision pods should carry; unknown until the StatefulSet controller observed the latest spec.</summary>
    private static string? Revision(V1StatefulSet? set) =>
        set?.Status is { } status && status.ObservedGeneration == set.Metadata.Generation ? status.UpdateRevision : null;

    private static RollPod Pod(V1Pod pod) => new(
        pod.Metadata.Name,
        pod.Metadata.Uid,
        pod.GetLabel(RedisFailoverLabels.Revision),
        PodReadiness.IsReady(pod),
        pod.Status?.PodIP);

    [LoggerMessage(Level = LogLevel.Information, Message = "redisfailover {Namespace}/{Name}: {Step} ({Progress})")]
    private static partial void LogStep(ILogger logger, string @namespace, string name, string step, string progress);
}
