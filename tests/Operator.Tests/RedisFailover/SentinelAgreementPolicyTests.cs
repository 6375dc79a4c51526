using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;
using static BackendStack.Tests.RedisPolicy.Observed;

namespace BackendStack.Tests.RedisPolicy;

public sealed class SentinelAgreementPolicyTests
{
    [Fact]
    public void AllSentinelsNamingOneMasterAgree()
    {
        var a = SentinelAgreementPolicy.Decide(Sentinels(0, 1, 2), quorum: 2);

        Assert.Equal(SentinelAgreementKind.Agreed, a.Kind);
        Assert.Equal(Redis(0), a.Master);
        Assert.Equal(3, a.Agreeing);
        Assert.Equal(3, a.Reachable);
    }

    [Fact]
    public void QuorumOfTwoStillAgreesWithOneSentinelDown()
    {
        var a = SentinelAgreementPolicy.Decide([Sentinel(1, 0, [1], [2]), Sentinel(2, 0, [1], [1]), SentinelObservation.Unreachable(SentinelAt(3))], quorum: 2);

        Assert.Equal(SentinelAgreementKind.Agreed, a.Kind);
        Assert.Equal(2, a.Agreeing);
        Assert.Equal(2, a.Reachable);
    }

    [Fact]
    public void SentinelsNamingDifferentMastersDisagree()
    {
        var a = SentinelAgreementPolicy.Decide([Sentinel(1, 0, [1], [2, 3]), Sentinel(2, 0, [1], [1, 3]), Sentinel(3, 1, [0], [1, 2])], quorum: 2);

        Assert.Equal(SentinelAgreementKind.Disagree, a.Kind);
        Assert.Equal(Redis(0), a.Master);
        Assert.Equal(2, a.Agreeing);
        Assert.Contains("10.0.0.1:6379 (1)", a.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("master,s_down,o_down")]
    [InlineData("master,failover_in_progress")]
    public void DownMasterOrRunningFailoverMeansWait(string flags)
    {
        var a = SentinelAgreementPolicy.Decide([Sentinel(1, 0, [1], [2, 3], flags), Sentinel(2, 0, [1], [1, 3]), Sentinel(3, 0, [1], [1, 2])], quorum: 2);

        Assert.Equal(SentinelAgreementKind.FailoverInProgress, a.Kind);
    }

    [Fact]
    public void SubjectiveDownAloneIsNotAFailover()
    {
        var a = SentinelAgreementPolicy.Decide([Sentinel(1, 0, [1], [2, 3], "master,s_down"), Sentinel(2, 0, [1], [1, 3]), Sentinel(3, 0, [1], [1, 2])], quorum: 2);

        Assert.Equal(SentinelAgreementKind.Agreed, a.Kind);
    }

    [Fact]
    public void ReachableSentinelsMonitoringNothingAreUnmonitored()
    {
        var a = SentinelAgreementPolicy.Decide([SentinelObservation.NotMonitoring(SentinelAt(1)), SentinelObservation.NotMonitoring(SentinelAt(2)), SentinelObservation.Unreachable(SentinelAt(3))], quorum: 2);

        Assert.Equal(SentinelAgreementKind.Unmonitored, a.Kind);
        Assert.Null(a.Master);
    }

    [Fact]
    public void TooFewSentinelsAnsweringIsNoQuorum()
    {
        var a = SentinelAgreementPolicy.Decide([Sentinel(1, 0, [1], [2, 3]), SentinelObservation.Unreachable(SentinelAt(2)), SentinelObservation.Unreachable(SentinelAt(3))], quorum: 2);

        Assert.Equal(SentinelAgreementKind.NoQuorum, a.Kind);
        Assert.Equal(Redis(0), a.Master);
        Assert.Equal(1, a.Agreeing);
    }

    [Fact]
    public void NoSentinelAnsweringIsNoQuorumWithoutMaster()
    {
        var a = SentinelAgreementPolicy.Decide([SentinelObservation.Unreachable(SentinelAt(1)), SentinelObservation.Unreachable(SentinelAt(2))], quorum: 2);

        Assert.Equal(SentinelAgreementKind.NoQuorum, a.Kind);
        Assert.Null(a.Master);
        Assert.Equal(0, a.Reachable);
    }
}
