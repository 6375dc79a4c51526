using System.Net;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Policy;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Events;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// The side effects of a roll: gathers what <see cref="RollPolicy"/> decides on, then deletes the
/// one pod it names (conditionally on the uid observed, so a stale cache never deletes the pod's
/// replacement) or has the session's executor ask a sentinel to fail over, and records each step as an Event.
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
        var requested = session.Executor.RollFailover is { } f && time.GetUtcNow() - f.At < TimeSpan.FromMilliseconds(2 * resource.Spec.Sentinel.FailoverTimeout) ? f.Pod : null;
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

        var (done, error) = await ExecuteAsync(decision.Step, ns, resource.Metadata.Name, session, cancellationToken).ConfigureAwait(false);
        if (!done)
        {
            return decision;
        }

        var message = RedisFailoverEvents.Outcome(decision.Step.Describe(), error);
        events.Step(resource, decision.Step.Reason, error is null, message);

        LogStep(logger, ns, resource.Metadata.Name, message, decision.Progress);
        changes.Add(message);
        return decision;
    }

    /// <summary>Runs the step; not done when the pod was already gone or replaced (the cache was behind: nothing to record).</summary>
    private async Task<(bool Done, string? Error)> ExecuteAsync(RollStep step, string ns, string name, RedisFailoverSession session, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case RestartPod r:
                try
                {
                    var options = new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = r.Pod.Uid } };
                    await kinds.Pods.Client.DeleteAsync(ns, r.Pod.Name, options, cancellationToken).ConfigureAwait(false);
                    return (true, null);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
                {
                    LogPodAlreadyReplaced(logger, ns, name, r.Pod.Name, r.Pod.Uid, (int)e.Response.StatusCode);
                    return (false, null);
                }

            case FailoverBeforeRestart f:
                return (true, await session.Executor.HandOverBeforeRestartAsync(f, cancellationToken).ConfigureAwait(false));
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name, "unknown roll step");
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "redisfailover {Namespace}/{Name}: pod {Pod} (uid {Uid}) was not deleted, it is already gone or replaced (HTTP {Status}): the cache was behind, and the next check decides on the pods as they are now")]
    private static partial void LogPodAlreadyReplaced(ILogger logger, string @namespace, string name, string pod, string uid, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "redisfailover {Namespace}/{Name}: {Step} ({Progress})")]
    private static partial void LogStep(ILogger logger, string @namespace, string name, string step, string progress);
}
