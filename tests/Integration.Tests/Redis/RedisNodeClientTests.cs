using BackendStack.Operator.DataPlane.Redis;
using StackExchange.Redis;

namespace BackendStack.Tests.Redis;

public sealed class RedisNodeClientTests
{
    [Fact]
    public async Task ReplicationInfoReportsRolesLinksAndOffsetsThatFollowWrites()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 3, sentinelCount: 0);
        var master = RedisTopology.Endpoint(topology.Redis[0]);
        var replicas = topology.Redis.Skip(1).Select(RedisTopology.Endpoint).ToList();
        await Eventually.TrueAsync(
            async () => (await topology.Nodes.GetReplicationAsync(master, CancellationToken.None)).Replicas.Count(r => r.State == "online") == 2,
            "both replicas online");

        var before = await topology.Nodes.GetReplicationAsync(master, CancellationToken.None);
        Assert.Equal(RedisRole.Master, before.Role);
        Assert.Equal(2, before.ConnectedReplicas);
        Assert.Equal(replicas.OrderBy(r => r.Host), before.Replicas.Select(r => r.Endpoint).OrderBy(r => r.Host));

        await WriteAsync(topology, master, 200);
        var after = await topology.Nodes.GetReplicationAsync(master, CancellationToken.None);
        Assert.True(after.MasterReplOffset > before.MasterReplOffset);
        foreach (var replica in replicas)
        {
            var info = await Eventually.ValueAsync(
                async () => await topology.Nodes.GetReplicationAsync(replica, CancellationToken.None) is { MasterReplOffset: var o } i && o >= after.MasterReplOffset ? i : null,
                $"replica {replica} to catch up");
            Assert.Equal(RedisRole.Replica, info.Role);
            Assert.Equal(master, info.Master);
            Assert.True(info.MasterLinkUp);
        }
    }

    [Fact]
    public async Task SecondMasterIsDemotedBackToReplicaAndResyncs()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 2, sentinelCount: 0);
        var master = RedisTopology.Endpoint(topology.Redis[0]);
        var replica = RedisTopology.Endpoint(topology.Redis[1]);
        await Eventually.TrueAsync(async () => (await topology.Nodes.GetReplicationAsync(replica, CancellationToken.None)).MasterLinkUp, "replica link up");

        await topology.Nodes.ReplicaOfAsync(replica, null, CancellationToken.None);
        Assert.Equal(RedisRole.Master, (await topology.Nodes.GetReplicationAsync(replica, CancellationToken.None)).Role);
        await WriteAsync(topology, master, 50);

        await topology.Nodes.ReplicaOfAsync(replica, master, CancellationToken.None);
        var masterOffset = (await topology.Nodes.GetReplicationAsync(master, CancellationToken.None)).MasterReplOffset;
        var resynced = await Eventually.ValueAsync(
            async () => await topology.Nodes.GetReplicationAsync(replica, CancellationToken.None) is { MasterLinkUp: true } i && i.MasterReplOffset >= masterOffset ? i : null,
            "the demoted node to resync from the master");
        Assert.Equal(RedisRole.Replica, resynced.Role);
        Assert.Equal(master, resynced.Master);
    }

    [Fact]
    public async Task ConfigDriftIsCorrectedLiveAndBackgroundSaveWritesADump()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 1, sentinelCount: 0);
        var node = RedisTopology.Endpoint(topology.Redis[0]);
        Assert.Equal("noeviction", (await topology.Nodes.ConfigGetAsync(node, "maxmemory-policy", CancellationToken.None))["maxmemory-policy"]);

        await topology.Nodes.ConfigSetAsync(node, "maxmemory-policy", "allkeys-lru", CancellationToken.None);
        await topology.Nodes.ConfigSetAsync(node, "slowlog-log-slower-than", "10000", CancellationToken.None);
        var config = await topology.Nodes.ConfigGetAsync(node, "*", CancellationToken.None);
        Assert.Equal("allkeys-lru", config["maxmemory-policy"]);
        Assert.Equal("10000", config["slowlog-log-slower-than"]);

        await WriteAsync(topology, node, 10);
        var dump = Path.Combine(topology.Redis[0].Directory, "dump.rdb");
        Assert.False(File.Exists(dump));
        await topology.Nodes.BackgroundSaveAsync(node, CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(dump)), "dump.rdb from BGSAVE");
    }

    [Fact]
    public async Task WrongPasswordIsRejectedWithoutRevealingIt()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 1, sentinelCount: 0);
        await using var wrong = new RedisConnectionPool("not-the-password");
        var error = await Assert.ThrowsAnyAsync<RedisException>(
            () => new RedisNodeClient(wrong).GetReplicationAsync(RedisTopology.Endpoint(topology.Redis[0]), CancellationToken.None));
        Assert.DoesNotContain("not-the-password", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task WriteAsync(RedisTopology topology, RedisEndpoint master, int keys)
    {
        var connection = await topology.Pool.GetAsync(master, sentinel: false);
        var db = connection.GetDatabase();
        await Task.WhenAll(Enumerable.Range(0, keys).Select(i => db.StringSetAsync($"key:{i}", new string('x', 100))));
    }
}
