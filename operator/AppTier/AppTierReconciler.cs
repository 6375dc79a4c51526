using BackendStack.Operator.Api;
using BackendStack.Operator.AppTiers.Status;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Operator.Runtime.Writes;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.AppTiers;

/// <summary>
/// Reconciles one AppTier: validates what the schema cannot, resolves its connections, applies the children the
/// pure builders describe, and writes the computed status when it changed. Children are owned by the tier, so the
/// garbage collector removes them with it; no finalizer is needed.
/// </summary>
internal sealed partial class AppTierReconciler(
    AppTierResources kinds, IEventRecorder events, TimeProvider time, ILogger<AppTierReconciler> logger, StatusSettleWindow settling) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var tier = kinds.Tiers.Cache.Get(key);
        if (tier is null || tier.Metadata.DeletionTimestamp is not null)
        {
            settling.Forget(key);
            return ReconcileResult.Done;
        }

        var changes = new List<string>();
        var children = new AppTierChildren(kinds, tier, changes);
        var observation = await children.ApplyAsync(cancellationToken).ConfigureAwait(false);
        var status = AppTierStatusCalculator.Compute(tier, observation, time.GetUtcNow().UtcDateTime);
        var previous = tier.Status;

        // A rollout under way (Provisioning) changes the status again within moments (replicas, then Ready): its
        // status waits up to the settle window (1 s for one tier, up to 10 s in a burst of many), so a tier that is
        // ready by then costs one status write; anything else (Ready, Degraded, Pending on a dependency) is written
        // at once.
        var decision = settling.Decide(key, !StatusWriter.AreEqual(previous, status), inBetween: status.Phase == Phase.Provisioning);
        if (decision.Write && await StatusWriter.WriteIfChangedAsync(
                kinds.Tiers.Client, kinds.Tiers.Cache, tier, status, t => t.Status, (t, s) => t.Status = s, cancellationToken)
            .ConfigureAwait(false))
        {
            settling.Forget(key);
            changes.Add($"status {status.Phase}");
            RecordProblems(tier, previous, status);
        }

        if (changes.Count > 0)
        {
            var summary = string.Join(", ", changes);
            LogReconciled(logger, key.Namespace, key.Name, summary);
        }
        else
        {
            LogUnchanged(logger, key.Namespace, key.Name);
        }

        return decision.WaitFor is { } wait ? ReconcileResult.After(wait) : ReconcileResult.Done;
    }

    // Events only for what a person has to act on or wait for, once per change of reason.
    private void RecordProblems(AppTier tier, AppTierStatus? previous, AppTierStatus current)
    {
        var before = Conditions.Find(previous?.Conditions, ConditionTypes.Ready);
        var now = Conditions.Find(current.Conditions, ConditionTypes.Ready);
        var degraded = Conditions.Find(current.Conditions, ConditionTypes.Degraded);
        if (now is null || (before?.Reason == now.Reason && before.Message == now.Message))
        {
            return;
        }

        if (degraded?.Status == "True")
        {
            events.Warning(tier, degraded.Reason, degraded.Message);
        }
        else if (now.Reason == AppTierReasons.DependencyNotReady)
        {
            events.Normal(tier, now.Reason, now.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "apptier {Namespace}/{Name}: {Changes}")]
    private static partial void LogReconciled(ILogger logger, string @namespace, string name, string changes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "apptier {Namespace}/{Name}: up to date")]
    private static partial void LogUnchanged(ILogger logger, string @namespace, string name);
}
