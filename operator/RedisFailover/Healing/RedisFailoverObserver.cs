using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Policy;
using StackExchange.Redis;

namespace BackendStack.Operator.RedisFailovers.Healing;

/// <summary>Asks every Redis pod and every sentinel at once; a server that does not answer is observed as unreachable.</summary>
internal sealed class RedisFailoverObserver(ISentinelClient sentinels, IRedisNodeClient nodes)
{
    /// <summary>Observes the Redis pods (name and IP) and the sentinels (IP) that have an address.</summary>
    public async Task<(IReadOnlyList<RedisNodeObservation> Nodes, IReadOnlyList<SentinelObservation> Sentinels)> ObserveAsync(
        IReadOnlyList<(string Pod, string Ip)> redisPods,
        IReadOnlyList<string> sentinelIps,
        string masterName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redisPods);
        ArgumentNullException.ThrowIfNull(sentinelIps);
        var nodeTasks = redisPods.Select(p => ObserveNodeAsync(p.Pod, new RedisEndpoint(p.Ip, RedisFailoverNames.RedisPort), cancellationToken)).ToList();
        var sentinelTasks = sentinelIps.Select(ip => sentinels.ObserveAsync(new RedisEndpoint(ip, RedisFailoverNames.SentinelPort), masterName, cancellationToken)).ToList();
        return (await Task.WhenAll(nodeTasks).ConfigureAwait(false), await Task.WhenAll(sentinelTasks).ConfigureAwait(false));
    }

    private async Task<RedisNodeObservation> ObserveNodeAsync(string pod, RedisEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            return new RedisNodeObservation(pod, endpoint, await nodes.GetReplicationAsync(endpoint, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            return new RedisNodeObservation(pod, endpoint, null);
        }
    }
}
