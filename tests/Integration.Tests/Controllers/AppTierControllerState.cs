using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Controllers;
using Microsoft.Extensions.DependencyInjection;

namespace BackendStack.Tests.Controllers;

/// <summary>
/// What one operator instance's AppTier controller has seen and has left to do: the conditions that prove it is
/// quiet, for checks that nothing more happens (instead of sleeping and hoping the work is done).
/// </summary>
internal static class AppTierControllerState
{
    private static Controller<AppTier> Of(OperatorInstance op) =>
        op.Services.GetServices<IController>().OfType<Controller<AppTier>>().Single();

    /// <summary>The resourceVersion of the tier in this instance's cache, null while it has not seen the tier.</summary>
    public static string? CachedVersion(OperatorInstance op, string name) =>
        Of(op).Primary.Cache.Get(new ObjectKey(ClusterUnderTest.Namespace, name))?.Metadata.ResourceVersion;

    /// <summary>Nothing queued and no reconcile running (delayed re-checks may still be scheduled).</summary>
    public static bool Idle(OperatorInstance op) =>
        Of(op).Queue.Count == 0 && op.Metrics.ActiveWorkers.WithLabels(Of(op).Name).Value == 0;

    /// <summary>
    /// The instance has seen the tier as the API server has it now (so the echo of its own last write has arrived)
    /// and has nothing queued or running: every event up to this tier version has been handled.
    /// </summary>
    public static async Task<bool> CaughtUpAsync(OperatorInstance op, ClusterUnderTest cluster, string name) =>
        (await cluster.GetTierAsync(name)).Metadata.ResourceVersion == CachedVersion(op, name) && Idle(op);
}
