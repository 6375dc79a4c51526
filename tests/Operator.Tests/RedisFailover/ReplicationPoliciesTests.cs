using BackendStack.Operator.RedisFailovers.Policy;
using static BackendStack.Tests.RedisPolicy.Observed;

namespace BackendStack.Tests.RedisPolicy;

public sealed class ReplicationPoliciesTests
{
    [Fact]
    public void HealthyTopologyNeedsNothing() =>
        Assert.Empty(ReplicationTargetPolicy.Plan(Redis(0), [Master(0, replicas: 2), Replica(1, of: 0), Replica(2, of: 0)]));

    [Fact]
    public void SecondMasterWithDataIsDemotedAsSplitBrain()
    {
        var second = Master(2, offset: 900);
        var actions = ReplicationTargetPolicy.Plan(Redis(0), [Master(0), Replica(1, of: 0), second]);

        Assert.Equal([new DemoteSecondMaster(second, Redis(0))], actions);
        Assert.Equal(HealReasons.SplitBrainResolved, actions[0].Reason);
    }

    [Fact]
    public void MasterHandedOverBySentinelFailoverIsMadeAReplicaNotCountedAsSplitBrain()
    {
        var former = Master(0, offset: 900, replicas: 1);
        var actions = ReplicationTargetPolicy.Plan(Redis(2), [former, Replica(1, of: 2), Master(2, offset: 900)], handedOver: Redis(0));

        Assert.Equal([new RepointReplica(former, Redis(2))], actions);
        Assert.Equal(HealReasons.ReplicaResynced, actions[0].Reason);
    }

    [Fact]
    public void EmptyMasterFromARestartedPodIsSimplyMadeAReplica()
    {
        var restarted = Master(2, offset: 0);
        Assert.Equal([new RepointReplica(restarted, Redis(0))], ReplicationTargetPolicy.Plan(Redis(0), [Master(0), Replica(1, of: 0), restarted]));
    }

    [Fact]
    public void ReplicaFollowingAnotherNodeIsRepointed()
    {
        var stray = Replica(2, of: 1);
        var actions = ReplicationTargetPolicy.Plan(Redis(0), [Master(0), Replica(1, of: 0), stray]);

        Assert.Equal([new RepointReplica(stray, Redis(0))], actions);
        Assert.Contains("it followed 10.0.0.1:6379", actions[0].Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void NothingChangesWhileTheMasterDoesNotAnswerAsMaster()
    {
        Assert.Empty(ReplicationTargetPolicy.Plan(Redis(0), [Down(0), Replica(1, of: 2), Master(2)]));
        Assert.Empty(ReplicationTargetPolicy.Plan(Redis(0), [Replica(0, of: 1), Master(1)]));
    }

    [Fact]
    public void UnreachableNodesAreLeftAlone() =>
        Assert.Empty(ReplicationTargetPolicy.Plan(Redis(0), [Master(0), Down(1), Replica(2, of: 0)]));

    [Fact]
    public void InitialMasterOfFreshPodsIsTheFirstPod() =>
        Assert.Equal("rf-redis-0", InitialMasterPolicy.Choose([Master(2, 0), Master(0, 0), Master(1, 0)])!.Pod);

    [Fact]
    public void InitialMasterPrefersTheMasterReplicasFollowThenTheMostData()
    {
        Assert.Equal("rf-redis-2", InitialMasterPolicy.Choose([Master(0, 5000), Master(2, 10), Replica(1, of: 2)])!.Pod);
        Assert.Equal("rf-redis-1", InitialMasterPolicy.Choose([Master(0, 10), Master(1, 500), Master(2, 20)])!.Pod);
    }

    [Fact]
    public void InitialMasterIsNoneWithoutAnyReachableMaster() =>
        Assert.Null(InitialMasterPolicy.Choose([Down(0), Replica(1, of: 0)]));

    [Fact]
    public void PromotionPicksTheReplicaWithTheHighestOffset() =>
        Assert.Equal("rf-redis-2", PromotionPolicy.Choose([Down(0), Replica(1, of: 0, offset: 700), Replica(2, of: 0, offset: 900)])!.Pod);

    [Fact]
    public void PromotionNeverPicksAnEmptyReplica() =>
        Assert.Null(PromotionPolicy.Choose([Down(0), Replica(1, of: 0, offset: 0), Replica(2, of: 0, offset: 0)]));

    [Fact]
    public void PromotionNeverHappensWhileAMasterAnswers() =>
        Assert.Null(PromotionPolicy.Choose([Master(0), Replica(1, of: 0, offset: 900)]));
}
