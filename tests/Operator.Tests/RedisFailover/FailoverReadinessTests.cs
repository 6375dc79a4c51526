using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Policy;
using BackendStack.Operator.RedisFailovers.Status;
using static BackendStack.Tests.RedisPolicy.Observed;
using static BackendStack.Tests.RedisPolicy.ObservedPods;

namespace BackendStack.Tests.RedisPolicy;

/// <summary>
/// Ready means Sentinel could fail over the master now: sentinels that agree on it but have not yet
/// found each other or the replicas could not, and a master that stops answering is not available.
/// </summary>
public sealed class FailoverReadinessTests
{
    private static readonly RedisNodeObservation[] Healthy = [Master(0, replicas: 2), Replica(1, of: 0), Replica(2, of: 0)];

    private static RedisFailoverStatus Compute(HealPlan plan, RedisFailover? rf = null) =>
        StatusCalculator.Compute(new StatusInput(rf ?? Resources.Rf(), RedisPods, SentinelPods, plan, [], null, T0));

    [Fact]
    public void SentinelsThatKnowTheirPeersAndAReplicaInSyncCanFailOver()
    {
        var readiness = HealPlanner.Plan(new HealInput(Healthy, Sentinels(0, 1, 2), Settings)).Readiness!;

        Assert.True(readiness.CanFailOver);
        Assert.Equal((3, 2), (readiness.Able, readiness.Needed));
        Assert.Empty(readiness.Gaps);
    }

    [Fact]
    public void JustMonitoringSentinelsAgreeButCouldNotFailOverAndAreNotReady()
    {
        // Right after SENTINEL MONITOR: one sentinel read the replicas from the master's INFO, none has had a hello yet.
        var plan = HealPlanner.Plan(new HealInput(Healthy, [Sentinel(1, 0, [], []), Sentinel(2, 0, [1, 2], []), Sentinel(3, 0, [], [])], Settings));
        var status = Compute(plan);

        Assert.Equal(SentinelAgreementKind.Agreed, plan.Agreement.Kind);
        Assert.Equal((0, 3), (plan.Readiness!.Able, plan.Readiness.Gaps.Count));
        Assert.Equal(Phase.Provisioning, status.Phase);
        Assert.Equal("True", Condition(status, ConditionTypes.SentinelQuorum).Status);
        Assert.Equal("True", Condition(status, ConditionTypes.MasterAvailable).Status);
        var ready = Condition(status, ConditionTypes.Ready);
        Assert.Equal(("False", "SentinelCannotFailOver"), (ready.Status, ready.Reason));
        Assert.Equal(
            "Sentinel could not fail over yet: 0 sentinels could start a failover, 2 wanted (the quorum); "
            + "rf-sentinel-0 knows 0 other sentinels of the 1 it needs to confirm the master down and knows no replica in sync to promote; "
            + "rf-sentinel-1 knows 0 other sentinels of the 1 it needs to confirm the master down; "
            + "rf-sentinel-2 knows 0 other sentinels of the 1 it needs to confirm the master down and knows no replica in sync to promote",
            ready.Message);
        Assert.Equal(ready.Message, Condition(status, ConditionTypes.Progressing).Message);
    }

    [Fact]
    public void AQuorumOfAbleSentinelsIsEnoughAndAKnownButDeadPeerDoesNotCount()
    {
        var sentinels = new[] { Sentinel(1, 0, [1], [2, 3]), Sentinel(2, 0, [2], [1]), Sentinel(3, 0, [], [1, 2]) };
        var ready = HealPlanner.Plan(new HealInput(Healthy, sentinels, Settings));
        Assert.Equal(Phase.Ready, Compute(ready).Phase);

        // Sentinel 2 is gone: sentinel 1 still counts it, sentinel 3 knows no replica; one able sentinel is not the quorum.
        var lost = HealPlanner.Plan(new HealInput(Healthy, [sentinels[0], Operator.DataPlane.Redis.SentinelObservation.Unreachable(SentinelAt(2)), sentinels[2]], Settings));
        Assert.Equal((1, false), (lost.Readiness!.Able, lost.Readiness.CanFailOver));
        Assert.NotEqual(Phase.Ready, Compute(lost).Phase);
    }

    [Fact]
    public void ASingleRedisWithNothingToPromoteIsReadyWithoutIt()
    {
        var rf = Resources.Rf();
        rf.Spec.Redis.Replicas = 1;
        var plan = HealPlanner.Plan(new HealInput([Master(0)], Sentinels(0), Settings));
        var status = StatusCalculator.Compute(new StatusInput(rf, [RedisPods[0]], SentinelPods, plan, [], null, T0));

        Assert.False(plan.Readiness!.CanFailOver);
        Assert.Equal(Phase.Ready, status.Phase);
    }

    [Fact]
    public void AMasterTheSentinelsStillNameButThatDoesNotAnswerIsUnavailable()
    {
        var rf = Resources.Rf();
        rf.Status = Compute(HealPlanner.Plan(new HealInput(Healthy, Sentinels(0, 1, 2), Settings)), rf);
        var plan = HealPlanner.Plan(new HealInput([Down(0), Replica(1, of: 0, linkUp: false), Replica(2, of: 0, linkUp: false)], Sentinels(0, 1, 2), Settings));
        var status = Compute(plan, rf);

        Assert.False(plan.MasterAnswers);
        Assert.Equal(Phase.Degraded, status.Phase);
        Assert.Equal(("False", "NoMaster"), (Condition(status, ConditionTypes.MasterAvailable).Status, Condition(status, ConditionTypes.MasterAvailable).Reason));
        Assert.Equal(("True", "MasterUnavailable"), (Condition(status, ConditionTypes.Degraded).Status, Condition(status, ConditionTypes.Degraded).Reason));
        Assert.Equal(
            "rf-redis-0 does not answer as master; Sentinel fails it over once it is down for 5000 ms, or the operator promotes the replica with the most data if the sentinels still name it after 25 s",
            Condition(status, ConditionTypes.Degraded).Message);
        Assert.Equal("rf-redis-0", status.Master!.Pod);
    }
}
