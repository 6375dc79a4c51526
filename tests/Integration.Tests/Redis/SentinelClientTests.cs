using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Tests.Redis;

public sealed class SentinelClientTests
{
    private static readonly SentinelMonitorSettings Fast = new(Quorum: 2, DownAfterMilliseconds: 1000, FailoverTimeout: 3000, ParallelSyncs: 1);

    [Fact]
    public async Task MonitorAppliesSettingsAndEverySentinelDiscoversReplicasAndPeers()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 3, sentinelCount: 3);
        var sentinel = RedisTopology.Endpoint(topology.Sentinels[0]);
        Assert.Equal(SentinelObservation.NotMonitoring(sentinel), await topology.SentinelClient.ObserveAsync(sentinel, RedisTopology.MasterName, CancellationToken.None));

        await topology.MonitorAsync(Fast);
        await topology.WaitSettledAsync();

        var observation = await topology.SentinelClient.ObserveAsync(sentinel, RedisTopology.MasterName, CancellationToken.None);
        Assert.True(observation.Reachable);
        Assert.Equal(RedisTopology.Endpoint(topology.Redis[0]), observation.Master!.Endpoint);
        Assert.True(Fast.MatchedBy(observation.Master));
        Assert.Equal(
            topology.Redis.Skip(1).Select(RedisTopology.Endpoint).OrderBy(e => e.Host),
            observation.Replicas.Select(r => r.Endpoint).OrderBy(e => e.Host));
        Assert.All(observation.Replicas, r => Assert.Equal(RedisTopology.Endpoint(topology.Redis[0]), r.Master));
        Assert.Equal(
            topology.Sentinels.Skip(1).Select(RedisTopology.Endpoint).OrderBy(e => e.Host),
            observation.Peers.Select(p => p.Endpoint).OrderBy(e => e.Host));
        Assert.Equal(RedisTopology.Endpoint(topology.Redis[0]), await topology.SentinelClient.GetMasterAddressAsync(sentinel, RedisTopology.MasterName, CancellationToken.None));

        var slower = Fast with { DownAfterMilliseconds = 2500, Quorum = 3 };
        await topology.SentinelClient.SetAsync(sentinel, RedisTopology.MasterName, slower, CancellationToken.None);
        var changed = await topology.SentinelClient.ObserveAsync(sentinel, RedisTopology.MasterName, CancellationToken.None);
        Assert.True(slower.MatchedBy(changed.Master!));
    }

    [Fact]
    public async Task ResetForgetsADeadReplicaAndRemoveStopsMonitoring()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 3, sentinelCount: 1);
        var sentinel = RedisTopology.Endpoint(topology.Sentinels[0]);
        await topology.MonitorAsync(Fast with { Quorum = 1 });
        await topology.WaitSettledAsync();

        topology.Redis[2].Kill();
        await Eventually.TrueAsync(
            async () => (await topology.SentinelClient.ObserveAsync(sentinel, RedisTopology.MasterName, CancellationToken.None)).Replicas.Any(r => r.IsDown),
            "the sentinel to see the killed replica down");

        Assert.Equal(1, await topology.SentinelClient.ResetAsync(sentinel, RedisTopology.MasterName, CancellationToken.None));
        var afterReset = await Eventually.ValueAsync(
            async () => await topology.SentinelClient.ObserveAsync(sentinel, RedisTopology.MasterName, CancellationToken.None) is { Replicas.Count: 1 } o ? o : null,
            "the sentinel to rediscover only the live replica");
        Assert.Equal(RedisTopology.Endpoint(topology.Redis[1]), afterReset.Replicas[0].Endpoint);

        await topology.SentinelClient.RemoveAsync(sentinel, RedisTopology.MasterName, CancellationToken.None);
        Assert.Null((await topology.SentinelClient.ObserveAsync(sentinel, RedisTopology.MasterName, CancellationToken.None)).Master);
        Assert.Null(await topology.SentinelClient.GetMasterAddressAsync(sentinel, RedisTopology.MasterName, CancellationToken.None));

        topology.Sentinels[0].Kill();
        Assert.False((await topology.SentinelClient.ObserveAsync(sentinel, RedisTopology.MasterName, CancellationToken.None)).Reachable);
    }
}
