using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Policy;
using BackendStack.Operator.RedisFailovers.Status;
using static BackendStack.Tests.RedisPolicy.Observed;
using static BackendStack.Tests.RedisPolicy.ObservedPods;

namespace BackendStack.Tests.RedisPolicy;

public sealed class StatusCalculatorTests
{
    private static HealPlan HealthyPlan(int master = 0) =>
        HealPlanner.Plan(new HealInput([Master(master), .. Enumerable.Range(0, 3).Where(i => i != master).Select(i => Replica(i, of: master))], Sentinels(master, 1, 2), Settings));

    private static RedisFailoverStatus Compute(RedisFailover rf, HealPlan? plan, PodState[]? redis = null, IReadOnlyList<SpecError>? errors = null, FailoverRecord? failover = null, DateTime? now = null, int splitBrains = 0) =>
        StatusCalculator.Compute(new StatusInput(rf, redis ?? RedisPods, SentinelPods, plan, errors ?? [], failover, now ?? T0, splitBrains));

    [Fact]
    public void HealthyClusterIsReadyWithMasterCountsAndEndpoints()
    {
        var status = Compute(Resources.Rf(), HealthyPlan());

        Assert.Equal(Phase.Ready, status.Phase);
        Assert.Equal(3, status.ObservedGeneration);
        Assert.Equal("True", Condition(status, ConditionTypes.Ready).Status);
        Assert.Equal("True", Condition(status, ConditionTypes.MasterAvailable).Status);
        Assert.Equal("True", Condition(status, ConditionTypes.SentinelQuorum).Status);
        Assert.Equal("False", Condition(status, ConditionTypes.Degraded).Status);
        Assert.Equal("False", Condition(status, ConditionTypes.Progressing).Status);
        Assert.Equal(("rf-redis-0", "10.0.0.0", 6379, T0), (status.Master!.Pod, status.Master.Ip, status.Master.Port, status.Master.Since));
        Assert.Equal((3, 3, 3), (status.Redis!.Ready, status.Sentinels!.Ready, status.Sentinels.Agreeing));
        Assert.Equal("3/3", status.RedisReady);
        Assert.Equal("rf-redis-master.shop.svc:6379", status.Endpoints!.Master);
        Assert.Equal("rf-sentinel.shop.svc:26379", status.Endpoints.Sentinel);
        Assert.Equal("rf", status.Endpoints.MasterName);
        Assert.Equal(0, status.Failovers);
    }

    [Fact]
    public void StatusSelectorSelectsExactlyTheRedisStatefulSetsPodsAndTheOperatorCachesThem()
    {
        var rf = Resources.Rf();
        var template = StatefulSetBuilder.Redis(rf, RedisConfigBuilder.Build(rf.Spec.Redis));
        var selector = Compute(rf, HealthyPlan()).Selector!;

        Assert.Equal("app.kubernetes.io/component=redis,app.kubernetes.io/instance=rf,app.kubernetes.io/name=redisfailover", selector);
        Assert.Equal(template.Spec.Selector.MatchLabels, Pairs(selector));
        Assert.All(Pairs(selector), l => Assert.Equal(l.Value, template.Spec.Template.Metadata.Labels[l.Key]));
        Assert.All(Pairs(RedisFailoverLabels.AllPodsSelector), l => Assert.Equal(l.Value, template.Spec.Template.Metadata.Labels[l.Key]));
        Assert.NotEqual(template.Spec.Selector.MatchLabels, StatefulSetBuilder.Sentinel(rf).Spec.Selector.MatchLabels);
    }

    private static Dictionary<string, string> Pairs(string selector) =>
        selector.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

    [Fact]
    public void RecomputingTheSameObservationGivesTheSameStatus()
    {
        var rf = Resources.Rf();
        rf.Status = Compute(rf, HealthyPlan());
        var again = Compute(rf, HealthyPlan(), now: T0.AddMinutes(5));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(rf.Status), System.Text.Json.JsonSerializer.Serialize(again));
    }

    [Fact]
    public void FailoverIsCountedOnceAndMovesMasterSince()
    {
        var rf = Resources.Rf();
        rf.Status = Compute(rf, HealthyPlan());
        var failover = new FailoverRecord { Time = T0.AddMinutes(1), From = "rf-redis-0", To = "rf-redis-2", DetectedAfterMilliseconds = 40 };

        rf.Status = Compute(rf, HealthyPlan(master: 2), failover: failover, now: T0.AddMinutes(1));
        Assert.Equal(1, rf.Status.Failovers);
        Assert.Equal("rf-redis-2", rf.Status.Master!.Pod);
        Assert.Equal(T0.AddMinutes(1), rf.Status.Master.Since);
        Assert.Same(failover, rf.Status.LastFailover);

        rf.Status = Compute(rf, HealthyPlan(master: 2), failover: failover, now: T0.AddMinutes(2));
        Assert.Equal(1, rf.Status.Failovers);
        Assert.Equal(T0.AddMinutes(1), rf.Status.Master!.Since);
    }

    [Fact]
    public void DisagreeingSentinelsAreDegradedWithAReadableReason()
    {
        var plan = HealPlanner.Plan(new HealInput([Master(0), Replica(1, of: 0), Master(2, 500)], [Sentinel(1, 0, [1, 2], [2, 3]), Sentinel(2, 2, [0, 1], [1, 3]), Sentinel(3, 0, [1, 2], [1, 2])], Settings));
        var status = Compute(Resources.Rf(), plan);

        Assert.Equal(Phase.Degraded, status.Phase);
        var degraded = Condition(status, ConditionTypes.Degraded);
        Assert.Equal(("True", "SentinelsDisagree"), (degraded.Status, degraded.Reason));
        Assert.Contains("changing nothing", degraded.Message, StringComparison.Ordinal);
        Assert.Equal("False", Condition(status, ConditionTypes.SentinelQuorum).Status);
        Assert.Equal("False", Condition(status, ConditionTypes.Ready).Status);
        Assert.Equal(2, status.Sentinels!.Agreeing);
    }

    [Fact]
    public void InvalidSpecIsFailedAndNamesTheField()
    {
        var status = Compute(Resources.Rf(), null, errors: [new SpecError("spec.redis.config.requirepass", "managed by the operator")]);

        Assert.Equal(Phase.Failed, status.Phase);
        var degraded = Condition(status, ConditionTypes.Degraded);
        Assert.Equal(ConditionReasons.InvalidSpec, degraded.Reason);
        Assert.StartsWith("spec.redis.config.requirepass", degraded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PodsNotYetReadyAreProvisioning()
    {
        var status = Compute(Resources.Rf(), null, redis: [new("rf-redis-0", null, false)]);

        Assert.Equal(Phase.Provisioning, status.Phase);
        Assert.Equal("True", Condition(status, ConditionTypes.Progressing).Status);
        Assert.Equal("0/3", status.RedisReady);
        Assert.Null(status.Master);
    }

    [Fact]
    public void TransitionTimeMovesOnlyWhenAConditionFlips()
    {
        var rf = Resources.Rf();
        rf.Status = Compute(rf, HealthyPlan());
        var downPlan = HealPlanner.Plan(new HealInput([Down(0), Replica(1, of: 0), Replica(2, of: 0)], Sentinels(0, 1, 2), Settings));
        var later = Compute(rf, downPlan, redis: [RedisPods[0] with { Ready = false }, RedisPods[1], RedisPods[2]], now: T0.AddMinutes(3));

        Assert.Equal(T0.AddMinutes(3), Condition(later, ConditionTypes.Ready).LastTransitionTime);
        Assert.Equal(T0, Condition(later, ConditionTypes.SentinelQuorum).LastTransitionTime);
        Assert.Equal("False", Condition(later, ConditionTypes.Ready).Status);
    }

    [Fact]
    public void FailoverReadBackAtLowerPrecisionIsNotCountedAgain()
    {
        var rf = Resources.Rf();
        var failover = new FailoverRecord { Time = T0.AddTicks(1234567), From = "rf-redis-0", To = "rf-redis-2", DetectedAfterMilliseconds = 40 };
        rf.Status = Compute(rf, HealthyPlan(master: 2), failover: failover);
        rf.Status.LastFailover = new FailoverRecord { Time = T0.AddTicks(1234000), From = "rf-redis-0", To = "rf-redis-2", DetectedAfterMilliseconds = 40 };

        Assert.Equal(1, Compute(rf, HealthyPlan(master: 2), failover: failover).Failovers);
    }

    [Fact]
    public void DemotedSecondMastersAddUpAcrossChecks()
    {
        var rf = Resources.Rf();
        rf.Status = Compute(rf, HealthyPlan());
        Assert.Equal(0, rf.Status.SplitBrainsResolved);

        rf.Status = Compute(rf, HealthyPlan(), splitBrains: 1);
        rf.Status = Compute(rf, HealthyPlan(), splitBrains: 2);
        Assert.Equal(3, rf.Status.SplitBrainsResolved);
        Assert.Equal(3, Compute(rf, HealthyPlan()).SplitBrainsResolved);
    }

    [Fact]
    public void SilentSentinelDegradesInWordsWhileQuorumHolds()
    {
        var sentinels = new[] { Sentinel(1, 0, [1, 2], [2, 3]), Sentinel(2, 0, [1, 2], [1, 3]), BackendStack.Operator.DataPlane.Redis.SentinelObservation.Unreachable(SentinelAt(3)) };
        var plan = HealPlanner.Plan(new HealInput([Master(0), Replica(1, of: 0), Replica(2, of: 0)], sentinels, Settings));
        var status = Compute(Resources.Rf(), plan);

        Assert.Equal(Phase.Degraded, status.Phase);
        Assert.Equal(2, status.Sentinels!.Agreeing);
        var quorum = Condition(status, ConditionTypes.SentinelQuorum);
        Assert.Equal(("True", "Agreed", "2 of 3 sentinels agree on master 10.0.0.0:6379, quorum is 2"), (quorum.Status, quorum.Reason, quorum.Message));
        var degraded = Condition(status, ConditionTypes.Degraded);
        Assert.Equal(("True", "SentinelsUnavailable"), (degraded.Status, degraded.Reason));
        Assert.Equal("rf-sentinel-2 does not answer; 2 of 3 sentinels agree on the master, still enough to fail over (quorum 2)", degraded.Message);
        Assert.Equal("False", Condition(status, ConditionTypes.Ready).Status);
        Assert.Equal("True", Condition(status, ConditionTypes.MasterAvailable).Status);
    }
}
