using BackendStack.Operator.Api;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Tests.Controllers;
using Xunit.Abstractions;

namespace BackendStack.Tests.Redis;

/// <summary>A sentinel killed with kill -9 and started again, against the operator and real servers.</summary>
[Collection(EmulatedRedisPodsGroup.Name)]
public sealed class SentinelLossTests(ITestOutputHelper output)
{
    private const string Ns = ClusterUnderTest.Namespace;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    [Fact]
    public Task KilledSentinelShowsInStatusInWordsAndMonitorsAgainWhenBack() =>
        RedisScenario.RunAsync(output, "cache", LoseSentinelAsync);

    private static async Task LoseSentinelAsync(ClusterUnderTest cluster, RedisPodRunner runner)
    {
        await RedisFailoverLifecycleTests.CreateAsync(cluster, "cache");
        await RedisFailoverWaits.ReadyAsync(cluster, "cache", Timeout);

        runner.Process("cache-sentinel-2").Kill();
        var lost = await RedisFailoverWaits.StatusAsync(cluster, "cache", s => s is { Phase: Phase.Degraded, Sentinels.Agreeing: 2 }, "status to show two sentinels agreeing", Timeout);
        var conditions = lost.Status.Conditions!.ToDictionary(c => c.Type);
        Assert.Equal(("True", "Agreed"), (conditions[ConditionTypes.SentinelQuorum].Status, conditions[ConditionTypes.SentinelQuorum].Reason));
        Assert.StartsWith("2 of 3 sentinels agree on master", conditions[ConditionTypes.SentinelQuorum].Message, StringComparison.Ordinal);
        Assert.Equal(("True", "SentinelsUnavailable"), (conditions[ConditionTypes.Degraded].Status, conditions[ConditionTypes.Degraded].Reason));
        Assert.Equal("cache-sentinel-2 does not answer; 2 of 3 sentinels agree on the master, still enough to fail over (quorum 2)", conditions[ConditionTypes.Degraded].Message);
        Assert.Equal("True", conditions[ConditionTypes.MasterAvailable].Status);
        Assert.Equal("False", conditions[ConditionTypes.Ready].Status);
        Assert.Equal("cache-redis-0", lost.Status.Master!.Pod);

        await runner.RestartAsync("cache-sentinel-2");
        var back = await RedisFailoverWaits.ReadyAsync(cluster, "cache", Timeout);
        Assert.Equal(3, back.Status.Sentinels!.Agreeing);
        Assert.Equal("3 of 3 sentinels agree on master " + back.Status.Master!.Ip + ":6379, quorum is 2", back.Status.Conditions!.Single(c => c.Type == ConditionTypes.SentinelQuorum).Message);
        await using var pool = new RedisConnectionPool(await RedisFailoverLifecycleTests.PasswordAsync(cluster, "cache"));
        var returned = await new SentinelClient(pool).ObserveAsync(RedisFailoverWaits.Sentinel(runner, "cache-sentinel-2"), "cache", CancellationToken.None);
        Assert.Equal(RedisFailoverWaits.Redis(runner, "cache-redis-0"), returned.Master!.Endpoint);
        Assert.Equal(0, back.Status.Failovers);
    }
}
