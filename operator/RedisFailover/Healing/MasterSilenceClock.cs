using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Operator.RedisFailovers.Healing;

/// <summary>
/// Remembers since when each Redis pod has not answered as a master, so the planner can tell a
/// master Sentinel is about to fail over from one Sentinel has left for dead without acting.
/// </summary>
internal sealed class MasterSilenceClock(TimeProvider time)
{
    private readonly Dictionary<RedisEndpoint, DateTimeOffset> since = [];

    /// <summary>Records this check's observations; returns, per pod not answering as master, for how long.</summary>
    public IReadOnlyDictionary<RedisEndpoint, TimeSpan> Update(IReadOnlyCollection<RedisNodeObservation> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var now = time.GetUtcNow();
        var silent = nodes.Where(n => !n.IsMaster).Select(n => n.Endpoint).ToHashSet();
        foreach (var answering in since.Keys.Where(k => !silent.Contains(k)).ToList())
        {
            since.Remove(answering);
        }

        foreach (var endpoint in silent)
        {
            since.TryAdd(endpoint, now);
        }

        return since.ToDictionary(p => p.Key, p => now - p.Value);
    }
}
