namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>
/// Connections and subscriptions a controller keeps to a data plane between reconciles (a Redis failover's sentinel
/// subscriptions, for example). They act on their own, so they must not outlive the controllers: the manager closes
/// them once the controllers' workers have stopped (the process stops, or this replica lost the leader Lease), and a
/// deposed leader stops acting on the data plane before another replica starts.
/// </summary>
internal interface IDataPlaneSessions
{
    /// <summary>Closes every session; a reconcile that runs afterwards opens new ones.</summary>
    Task CloseAllAsync();
}
