using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Healing;

/// <summary>
/// Remembers since which check each endpoint has been in some state (missing instances, not answering as
/// master, ...): an endpoint counts from the first check that finds it so and is forgotten at the first that does not.
/// </summary>
internal sealed class EndpointStateClock(TimeProvider time)
{
    private readonly Dictionary<RedisEndpoint, DateTimeOffset> since = [];

    /// <summary>Records which endpoints this check found in the state; returns, for each of them, for how long.</summary>
    public IReadOnlyDictionary<RedisEndpoint, TimeSpan> Update(IEnumerable<RedisEndpoint> inState)
    {
        var now = time.GetUtcNow();
        var current = inState.ToHashSet();
        foreach (var left in since.Keys.Where(k => !current.Contains(k)).ToList())
        {
            since.Remove(left);
        }

        foreach (var endpoint in current)
        {
            since.TryAdd(endpoint, now);
        }

        return since.ToDictionary(p => p.Key, p => now - p.Value);
    }

    /// <summary>The endpoint starts counting afresh at the next check that finds it in the state.</summary>
    public void Forget(RedisEndpoint endpoint) => since.Remove(endpoint);
}
