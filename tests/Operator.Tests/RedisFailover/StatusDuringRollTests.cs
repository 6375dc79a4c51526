using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Policy;
using BackendStack.Operator.RedisFailovers.Status;
using static BackendStack.Tests.RedisPolicy.Observed;
using static BackendStack.Tests.RedisPolicy.ObservedPods;

namespace BackendStack.Tests.RedisPolicy;

/// <summary>The status while pods roll onto a new revision, and while Sentinel fails over.</summary>
public sealed class StatusDuringRollTests
{
    private static HealPlan Plan(SentinelObservation[] sentinels) =>
        HealPlanner.Plan(new HealInput([Master(0, replicas: 2), Replica(1, of: 0), Replica(2, of: 0)], sentinels, Settings));

    private static RedisFailoverStatus Compute(RedisFailover rf, HealPlan plan, RollDecision? roll = null) =>
        StatusCalculator.Compute(new StatusInput(rf, RedisPods, SentinelPods, plan, [], null, T0, Roll: roll));

    private static k8s.Models.V1Condition Progressing(RedisFailoverStatus status) => Condition(status, ConditionTypes.Progressing);

    [Fact]
    public void ARollShowsInProgressingWithWhatItDoesOrWaitsFor()
    {
        var healthy = Plan(Sentinels(0, 1, 2));
        var step = new RollDecision(true, new RestartPod(new RollPod("rf-redis-2", "u", "old", true, "10.0.0.2"), "replica"), null, "0/3 redis and 0/3 sentinel pods on the new revision");
        var status = Compute(Resources.Rf(), healthy, step);

        Assert.Equal(Phase.Ready, status.Phase);
        Assert.Equal(("True", "RollingUpdate"), (Progressing(status).Status, Progressing(status).Reason));
        Assert.Equal("0/3 redis and 0/3 sentinel pods on the new revision; Restarted replica rf-redis-2 on the new revision", Progressing(status).Message);

        var waiting = Compute(Resources.Rf(), healthy, step with { Step = null, Waiting = "waiting for replica rf-redis-1 to sync with the master" });
        Assert.EndsWith("; waiting for replica rf-redis-1 to sync with the master", Progressing(waiting).Message, StringComparison.Ordinal);
        Assert.Equal(("False", "Stable"), (Progressing(Compute(Resources.Rf(), healthy, RollDecision.Idle)).Status, Progressing(Compute(Resources.Rf(), healthy, RollDecision.Idle)).Reason));
    }

    [Fact]
    public void WhileSentinelFailsOverTheStatusKeepsTheLastSettledMaster()
    {
        var rf = Resources.Rf();
        rf.Status = Compute(rf, Plan(Sentinels(0, 1, 2)));

        // Two sentinels already name pod 1, one still pod 0 and a failover runs: nothing is settled yet.
        var switching = Compute(rf, Plan([Sentinel(1, 1, [0, 2], [2, 3]), Sentinel(2, 1, [0, 2], [1, 3], "master,failover_in_progress"), Sentinel(3, 0, [1, 2], [1, 2])]));

        Assert.Equal(Phase.Degraded, switching.Phase);
        Assert.Equal(("rf-redis-0", T0), (switching.Master!.Pod, switching.Master.Since));
    }
}
