using BackendStack.Emulator;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Follower;
using k8s;

namespace BackendStack.Tests.Redis;

public sealed class MasterFollowerTests
{
    private const string Ns = "follower";
    private static readonly string[] Replicas = ["rf-redis-1", "rf-redis-2"];

    [Fact]
    public async Task SwitchMasterRelabelsTheNewMasterPodAndRecordsTheFailover()
    {
        // The harness plays kubelet here: it creates the pods and sets their IPs itself.
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { BuiltInControllers = false });
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        await using var topology = await RedisTopology.StartAsync(redisCount: 3, sentinelCount: 3);
        await topology.MonitorAsync(new SentinelMonitorSettings(Quorum: 2, DownAfterMilliseconds: 1000, FailoverTimeout: 3000, ParallelSyncs: 1));
        await topology.WaitSettledAsync();
        await EmulatedRedisPods.CreateAsync(client, Ns, "rf", topology, masterIndex: 0);

        var followed = new TaskCompletionSource<MasterSwitch>(TaskCreationOptions.RunContinuationsAsynchronously);
        var alerts = new System.Collections.Concurrent.ConcurrentQueue<SentinelEvent>();
        var metrics = new RedisFailoverMetrics(Prometheus.Metrics.NewCustomRegistry());
        await using var follower = new RedisMasterFollower(
            Ns, "rf", RedisTopology.MasterName, topology.Pool, new PodRoleLabeler(client), TimeProvider.System, metrics,
            change => { followed.TrySetResult(change); return Task.CompletedTask; },
            onAlert: e => { alerts.Enqueue(e); return Task.CompletedTask; });
        await follower.SetSentinelsAsync(topology.SentinelEndpoints, CancellationToken.None);
        Assert.Equal(["rf-redis-0"], await EmulatedRedisPods.MastersAsync(client, Ns));

        topology.Redis[0].Kill();
        var change = await followed.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var sentinelsMaster = await topology.SentinelClient.GetMasterAddressAsync(RedisTopology.Endpoint(topology.Sentinels[0]), RedisTopology.MasterName, CancellationToken.None);
        Assert.Equal(sentinelsMaster, change.To);
        Assert.Equal("rf-redis-0", change.FromPod);
        Assert.Contains(change.ToPod, Replicas);
        Assert.Equal([change.ToPod!], await EmulatedRedisPods.MastersAsync(client, Ns));
        Assert.True(change.LabelledAt >= change.AnnouncedAt);
        var record = change.ToRecord();
        Assert.Equal(("rf-redis-0", change.ToPod), (record.From, record.To));
        Assert.Same(change, follower.Latest);
        Assert.Contains(alerts, e => e.Kind == SentinelEventKind.ObjectivelyDown && e.Instance == RedisTopology.Endpoint(topology.Redis[0]));

        // Every sentinel announces the switch; the duplicates are not counted as more failovers.
        foreach (var sentinel in topology.SentinelEndpoints)
        {
            await Eventually.TrueAsync(
                async () => await topology.SentinelClient.GetMasterAddressAsync(sentinel, RedisTopology.MasterName, CancellationToken.None) == change.To,
                $"sentinel {sentinel} to switch");
        }

        // The follower has handled every duplicate: each sentinel, after its own +switch-master, reports the dead old
        // master down as a replica (down-after, 1 s, later), and the follower handles the events in the order they came.
        var oldMaster = RedisTopology.Endpoint(topology.Redis[0]);
        foreach (var sentinel in topology.SentinelEndpoints)
        {
            await Eventually.TrueAsync(
                () => Task.FromResult(alerts.Any(e => e.Kind == SentinelEventKind.SubjectivelyDown && e.InstanceType == "slave" && e.Instance == oldMaster && e.Sentinel == sentinel)),
                $"sentinel {sentinel} to report the old master down as a replica", TimeSpan.FromSeconds(30));
        }

        Assert.Equal(1, metrics.Failovers.WithLabels(Ns, "rf").Value);
        Assert.Equal([change.ToPod!], await EmulatedRedisPods.MastersAsync(client, Ns));
    }
}
