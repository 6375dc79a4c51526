using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Operator.RedisFailovers.Healing;

/// <summary>
/// Remembers since when each Redis pod has not answered as a master, so the planner can tell a
/// master Sentinel is about to fail over from one Sentinel has left for dead without acting.
/// </summary>
internal sealed class MasterSilenceClock(TimeProvider time)
{
    private readonly EndpointStateClock silent = new(time);

    /// <summary>Records this check's observations; returns, per pod not answering as master, for how long.</summary>
    public IReadOnlyDictionary<RedisEndpoint, TimeSpan> Update(IReadOnlyCollection<RedisNodeObservation> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return silent.Update(nodes.Where(n => !n.IsMaster).Select(n => n.Endpoint));
    }
}
