using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;
using static BackendStack.Tests.RedisPolicy.Observed;

namespace BackendStack.Tests.RedisPolicy;

public sealed class SentinelPoliciesTests
{
    private static readonly HashSet<RedisEndpoint> RedisPods = [Redis(0), Redis(1), Redis(2)];
    private static readonly HashSet<RedisEndpoint> SentinelPods = [SentinelAt(1), SentinelAt(2), SentinelAt(3)];

    [Fact]
    public void SentinelsMonitoringTheMasterWithTheSpecSettingsNeedNothing() =>
        Assert.Empty(SentinelMonitorPolicy.Plan(Redis(0), Sentinels(0, 1, 2), Settings, overrideStale: false));

    [Fact]
    public void SentinelMonitoringNothingIsToldToMonitor() =>
        Assert.Equal(
            [new MonitorMaster(SentinelAt(3), Redis(0), Settings, RemoveFirst: false)],
            SentinelMonitorPolicy.Plan(Redis(0), [Sentinel(1, 0, [1], [2]), Sentinel(2, 0, [1], [1]), SentinelObservation.NotMonitoring(SentinelAt(3)), SentinelObservation.Unreachable(SentinelAt(4))], Settings, overrideStale: false));

    [Fact]
    public void DriftedSettingsAreSetAgain()
    {
        var drifted = Sentinel(2, 0, [1], [1, 3], settings: Settings with { DownAfterMilliseconds = 30000 });
        Assert.Equal(
            [new UpdateSentinelSettings(SentinelAt(2), Settings)],
            SentinelMonitorPolicy.Plan(Redis(0), [Sentinel(1, 0, [1], [2, 3]), drifted, Sentinel(3, 0, [1], [1, 2])], Settings, overrideStale: false));
    }

    [Fact]
    public void SentinelOnAnotherMasterIsOnlyOverriddenWhenAllowed()
    {
        SentinelObservation[] views = [Sentinel(1, 0, [1], [2]), Sentinel(2, 1, [0], [1])];
        Assert.Empty(SentinelMonitorPolicy.Plan(Redis(0), views, Settings, overrideStale: false));
        Assert.Equal([new MonitorMaster(SentinelAt(2), Redis(0), Settings, RemoveFirst: true)], SentinelMonitorPolicy.Plan(Redis(0), views, Settings, overrideStale: true));
    }

    [Fact]
    public void NoResetWhileEverySentinelListsOnlyLivePods() =>
        Assert.Null(SentinelResetPolicy.Choose(Sentinels(0, 1, 2), RedisPods, SentinelPods));

    [Fact]
    public void SentinelListingAGoneReplicaIsReset()
    {
        var reset = SentinelResetPolicy.Choose([Sentinel(1, 0, [1, 2], [2, 3]), Sentinel(2, 0, [1, 2, 4], [1, 3]), Sentinel(3, 0, [1, 2, 4], [1, 2])], RedisPods, SentinelPods);

        Assert.Equal(SentinelAt(2), reset!.Sentinel);
        Assert.Equal([Redis(4)], reset.Stale);
    }

    [Fact]
    public void SentinelListingAGoneSentinelIsResetOneAtATime()
    {
        var reset = SentinelResetPolicy.Choose([Sentinel(1, 0, [1, 2], [2, 3, 5]), Sentinel(2, 0, [1, 2], [1, 3, 5]), Sentinel(3, 0, [1, 2], [1, 2])], RedisPods, SentinelPods);

        Assert.Equal(SentinelAt(1), reset!.Sentinel);
        Assert.Equal([SentinelAt(5)], reset.Stale);
        Assert.Equal(HealReasons.SentinelReset, reset.Reason);
    }
}
