using BackendStack.Operator.Api;
using BackendStack.Operator.AppTiers.Builders;
using BackendStack.Operator.AppTiers.Policy;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.AppTiers.Status;

/// <summary>
/// The status of a tier as a pure function of (tier, observation, now). Conditions keep their lastTransitionTime
/// unless their status changes, so computing the same state twice yields the same status and writes nothing.
/// </summary>
internal static class AppTierStatusCalculator
{
    public static AppTierStatus Compute(AppTier tier, AppTierObservation observed, DateTime now)
    {
        var previous = tier.Status;
        var deployment = observed.Deployment?.Status;
        var plan = ReplicaPlan.For(tier, observed.Autoscaler?.Status?.DesiredReplicas, observed.Deployment?.Spec?.Replicas);
        var verdict = Judge(observed, plan.Desired);
        var generation = tier.Metadata.Generation;
        var conditions = previous?.Conditions;
        conditions = Conditions.Set(conditions, Condition(ConditionTypes.Ready, verdict.Ready, generation), now);
        conditions = Conditions.Set(conditions, Condition(ConditionTypes.Progressing, verdict.Progressing, generation), now);
        conditions = Conditions.Set(conditions, Condition(ConditionTypes.Degraded, verdict.Degraded, generation), now);
        return new AppTierStatus
        {
            ObservedGeneration = generation,
            Conditions = conditions,
            Phase = verdict.Phase,
            Replicas = deployment?.Replicas ?? 0,
            ReadyReplicas = deployment?.ReadyReplicas ?? 0,
            DesiredReplicas = plan.Desired,
            Selector = AppTierLabels.SelectorString(tier),

            // Owned by the queue scaler; carried over untouched.
            QueueLength = previous?.QueueLength,
            LastScaleTime = previous?.LastScaleTime,
            LastScaleReason = previous?.LastScaleReason,
        };
    }

    private static Verdict Judge(AppTierObservation observed, int desired)
    {
        if (observed.InvalidSpec is { } invalid)
        {
            return Blocked(ConditionReasons.InvalidSpec, invalid, degraded: true);
        }

        if (observed.ChildConflict is { } conflict)
        {
            return Blocked(AppTierReasons.ChildConflict, conflict, degraded: true);
        }

        if (observed.DependencyNotReady is { } waiting)
        {
            return Blocked(AppTierReasons.DependencyNotReady, waiting, degraded: false);
        }

        var deployment = observed.Deployment;
        var status = deployment?.Status;
        var ready = status?.ReadyReplicas ?? 0;
        var updated = status?.UpdatedReplicas ?? 0;
        var total = status?.Replicas ?? 0;
        var seen = deployment is not null && (status?.ObservedGeneration ?? 0) >= (deployment.Metadata.Generation ?? 0);
        var rolledOut = seen && updated >= desired && total == desired;
        var failure = FailedRollout(deployment);
        var isReady = rolledOut && ready >= desired;
        var readyMessage = $"{ready}/{desired} replicas ready";
        return new Verdict(
            isReady ? Phase.Ready : failure is not null ? Phase.Degraded : Phase.Provisioning,
            isReady ? new("True", AppTierReasons.AllReplicasReady, readyMessage) : new("False", AppTierReasons.ReplicasNotReady, readyMessage),
            isReady
                ? new("False", AppTierReasons.RolloutComplete, "the Deployment is rolled out")
                : new("True", AppTierReasons.RollingOut, $"{updated}/{desired} replicas updated, {ready} ready"),
            failure is not null ? new("True", AppTierReasons.RolloutFailed, failure) : new("False", AppTierReasons.AsExpected, "no problem found"));
    }

    private static string? FailedRollout(V1Deployment? deployment)
    {
        var conditions = deployment?.Status?.Conditions ?? [];
        var stuck = conditions.FirstOrDefault(c => c.Type == "Progressing" && c.Status == "False" && c.Reason == "ProgressDeadlineExceeded");
        var failure = conditions.FirstOrDefault(c => c.Type == "ReplicaFailure" && c.Status == "True");
        return (stuck ?? failure)?.Message ?? (stuck ?? failure)?.Reason;
    }

    private static Verdict Blocked(string reason, string message, bool degraded) => new(
        degraded ? Phase.Degraded : Phase.Pending,
        new("False", reason, message),
        new("False", reason, message),
        degraded ? new("True", reason, message) : new("False", AppTierReasons.AsExpected, "no problem found"));

    private static V1Condition Condition(string type, State state, long? generation) => new()
    {
        Type = type,
        Status = state.Status,
        Reason = state.Reason,
        Message = state.Message,
        ObservedGeneration = generation,
    };

    private sealed record State(string Status, string Reason, string Message);

    private sealed record Verdict(Phase Phase, State Ready, State Progressing, State Degraded);
}
