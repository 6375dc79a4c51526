using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Tests.RedisPolicy;

public sealed class ScalePolicyTests
{
    private static readonly RedisEndpoint Master = new("10.0.0.12", 6379);
    private static readonly RedisEndpoint Sentinel = new("10.0.1.10", 26379);

    private static HealPlan Plan(SentinelAgreementKind kind, int inSync = 3, int agreeing = 3) =>
        new(new SentinelAgreement(kind, Master, agreeing, agreeing, "test"), Master, []) { InSync = inSync };

    private static ScaleInput Input(int? redis, int desiredRedis, string? masterPod, HealPlan? plan, RedisEndpoint? sentinel = null, int ready = 3) =>
        new(redis, 3, desiredRedis, 3, ready, 3, masterPod, sentinel ?? Sentinel, plan);

    [Fact]
    public void ScalingDownAwayFromTheMasterRemovesOnePodAndAsksNothingOfSentinel()
    {
        var decision = ScalePolicy.Decide(Input(3, 2, "cache-redis-0", Plan(SentinelAgreementKind.Agreed)));

        Assert.Equal((2, 3), (decision.RedisReplicas, decision.SentinelReplicas));
        Assert.Null(decision.HandOver);
    }

    [Fact]
    public void WhenTheMasterIsTheNextPodToRemoveSentinelIsAskedToFailOverAndTheStatefulSetKeepsItsSize()
    {
        var decision = ScalePolicy.Decide(Input(3, 2, "cache-redis-2", Plan(SentinelAgreementKind.Agreed)));

        Assert.Equal(3, decision.RedisReplicas);
        var handOver = Assert.IsType<HandOverMaster>(decision.HandOver);
        Assert.Equal((Sentinel, Master, "cache-redis-2"), (handOver.Sentinel, handOver.Master, handOver.MasterPod));
        Assert.Equal(HealReasons.MasterChanged, handOver.Reason);
        Assert.Contains("cache-redis-2", handOver.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(SentinelAgreementKind.Disagree))]
    [InlineData(nameof(SentinelAgreementKind.FailoverInProgress))]
    [InlineData(nameof(SentinelAgreementKind.NoQuorum))]
    [InlineData(nameof(SentinelAgreementKind.Unmonitored))]
    public void WithoutAgreeingSentinelsTheMasterIsNeitherRemovedNorHandedOver(string kind)
    {
        var decision = ScalePolicy.Decide(Input(3, 2, "cache-redis-2", Plan(Enum.Parse<SentinelAgreementKind>(kind))));

        Assert.Equal(3, decision.RedisReplicas);
        Assert.Null(decision.HandOver);
    }

    [Fact]
    public void WithoutASentinelAddressNothingIsAskedAndTheMasterStays()
    {
        var decision = ScalePolicy.Decide(Input(3, 2, "cache-redis-2", Plan(SentinelAgreementKind.Agreed)) with { Sentinel = null });

        Assert.Equal(3, decision.RedisReplicas);
        Assert.Null(decision.HandOver);
    }

    [Fact]
    public void ScalingUpWaitsUntilEveryPodIsReadyAndReplicatesFromTheMaster()
    {
        Assert.Equal(4, ScalePolicy.Decide(Input(3, 5, "cache-redis-0", Plan(SentinelAgreementKind.Agreed, inSync: 3))).RedisReplicas);
        Assert.Equal(3, ScalePolicy.Decide(Input(3, 5, "cache-redis-0", Plan(SentinelAgreementKind.Agreed, inSync: 2))).RedisReplicas);
        Assert.Equal(3, ScalePolicy.Decide(Input(3, 5, "cache-redis-0", Plan(SentinelAgreementKind.Agreed), ready: 2)).RedisReplicas);
        Assert.Null(ScalePolicy.Decide(Input(3, 5, "cache-redis-0", Plan(SentinelAgreementKind.Agreed))).HandOver);
    }

    [Fact]
    public void SentinelsStepUpOnlyOnceEveryOneAgreesOnTheMaster()
    {
        var input = Input(3, 3, "cache-redis-0", Plan(SentinelAgreementKind.Agreed, agreeing: 2)) with { DesiredSentinels = 5 };
        Assert.Equal(3, ScalePolicy.Decide(input).SentinelReplicas);
        Assert.Equal(4, ScalePolicy.Decide(input with { Plan = Plan(SentinelAgreementKind.Agreed, agreeing: 3) }).SentinelReplicas);
    }

    [Fact]
    public void OnCreationEverythingAsTheSpecAsksAndBeforeAnyCheckNothingGrows()
    {
        var created = ScalePolicy.Decide(new ScaleInput(null, null, 3, 3, 0, 0, null, null, null));
        Assert.Equal((3, 3, (HandOverMaster?)null), (created.RedisReplicas, created.SentinelReplicas, created.HandOver));

        var beforeCheck = ScalePolicy.Decide(new ScaleInput(3, 3, 5, 5, 3, 3, null, Sentinel, null));
        Assert.Equal((3, 3), (beforeCheck.RedisReplicas, beforeCheck.SentinelReplicas));
    }
}
