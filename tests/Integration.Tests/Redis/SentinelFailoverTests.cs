using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Tests.Redis;

public sealed class SentinelFailoverTests
{
    [Fact]
    public async Task KilledMasterIsFailedOverAndEverySentinelAnnouncesItIncludingARestartedOne()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 3, sentinelCount: 3);
        await topology.MonitorAsync(new SentinelMonitorSettings(Quorum: 2, DownAfterMilliseconds: 1000, FailoverTimeout: 3000, ParallelSyncs: 1));
        await topology.WaitSettledAsync();
        await using var subscriber = new SentinelEventSubscriber(topology.Pool, TimeProvider.System);
        await subscriber.SetSentinelsAsync(topology.SentinelEndpoints, CancellationToken.None);

        // A sentinel that goes away and comes back (same address, its rewritten config) is followed again.
        var restarted = topology.Sentinels[2];
        restarted.Kill();
        await Eventually.TrueAsync(async () => !await subscriber.IsConnectedAsync(RedisTopology.Endpoint(restarted)), "the subscription to drop");
        await restarted.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => subscriber.IsConnectedAsync(RedisTopology.Endpoint(restarted)), "the subscription to come back");
        await topology.WaitSettledAsync();

        var oldMaster = RedisTopology.Endpoint(topology.Redis[0]);
        var killedAt = DateTimeOffset.UtcNow;
        topology.Redis[0].Kill();

        var received = new List<SentinelEvent>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (received.Count(e => e.Kind == SentinelEventKind.SwitchMaster) < 3)
        {
            received.Add(await subscriber.Events.ReadAsync(cts.Token));
        }

        var switches = received.Where(e => e.Kind == SentinelEventKind.SwitchMaster).ToList();
        Assert.Equal(topology.SentinelEndpoints.OrderBy(e => e.Host), switches.Select(e => e.Sentinel).OrderBy(e => e.Host));
        var newMaster = Assert.Single(switches.Select(e => e.Instance).Distinct());
        Assert.Contains(newMaster, topology.Redis.Skip(1).Select(RedisTopology.Endpoint));
        Assert.All(switches, e => Assert.Equal(oldMaster, e.PreviousMaster));
        Assert.All(switches, e => Assert.Equal(RedisTopology.MasterName, e.MasterName));
        Assert.All(switches, e => Assert.InRange(e.ReceivedAt, killedAt.AddMilliseconds(1000), killedAt.AddSeconds(20)));
        Assert.Contains(received, e => e.Kind == SentinelEventKind.SubjectivelyDown && e.Instance == oldMaster && e.InstanceType == "master");
        Assert.Contains(received, e => e.Kind == SentinelEventKind.ObjectivelyDown && e.Instance == oldMaster);
        Assert.True(
            received.First(e => e.Kind == SentinelEventKind.ObjectivelyDown).ReceivedAt <= switches.Min(e => e.ReceivedAt),
            "+odown precedes +switch-master");

        // Sentinel may fail over again on a loaded machine; what must hold is that all of them settle on one live master.
        var settled = await Eventually.StructAsync<RedisEndpoint>(
            async () =>
            {
                var named = await Task.WhenAll(topology.SentinelEndpoints.Select(s => topology.SentinelClient.GetMasterAddressAsync(s, RedisTopology.MasterName, CancellationToken.None)));
                return named.Distinct().Count() == 1 && named[0] is { } m && (await topology.Nodes.GetReplicationAsync(m, CancellationToken.None)).Role == RedisRole.Master ? m : null;
            },
            "every sentinel to name one live master");
        Assert.NotEqual(oldMaster, settled);
    }
}
