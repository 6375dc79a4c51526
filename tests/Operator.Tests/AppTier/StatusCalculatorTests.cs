using BackendStack.Operator.Api;
using BackendStack.Operator.AppTiers.Status;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Tests.AppTiers;

public sealed class StatusCalculatorTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AFullyRolledOutDeploymentMakesTheTierReady()
    {
        var tier = Tiers.Web();
        var status = AppTierStatusCalculator.Compute(tier, new AppTierObservation { Deployment = Deployment(3, ready: 3, updated: 3) }, T0);

        Assert.Equal(Phase.Ready, status.Phase);
        Assert.Equal(3, status.ObservedGeneration);
        Assert.Equal((3, 3, 3), (status.Replicas, status.ReadyReplicas, status.DesiredReplicas));
        Assert.True(Conditions.IsTrue(status.Conditions, "Ready"));
        Assert.Equal("False", Conditions.Find(status.Conditions, "Progressing")!.Status);
        Assert.Equal("False", Conditions.Find(status.Conditions, "Degraded")!.Status);
        Assert.All(status.Conditions!, c => Assert.Equal(3, c.ObservedGeneration));
        Assert.Equal("app.kubernetes.io/instance=web,app.kubernetes.io/name=apptier", status.Selector);
    }

    [Fact]
    public void ARolloutInProgressIsProvisioningAndProgressing()
    {
        var status = AppTierStatusCalculator.Compute(Tiers.Web(), new AppTierObservation { Deployment = Deployment(3, ready: 1, updated: 2) }, T0);

        Assert.Equal(Phase.Provisioning, status.Phase);
        Assert.Equal("False", Conditions.Find(status.Conditions, "Ready")!.Status);
        Assert.Equal("1/3 replicas ready", Conditions.Find(status.Conditions, "Ready")!.Message);
        Assert.True(Conditions.IsTrue(status.Conditions, "Progressing"));
    }

    [Fact]
    public void ADeploymentTheControllerHasNotSeenYetIsNotReady()
    {
        var deployment = Deployment(3, ready: 3, updated: 3);
        deployment.Metadata.Generation = 2;

        var status = AppTierStatusCalculator.Compute(Tiers.Web(), new AppTierObservation { Deployment = deployment }, T0);

        Assert.Equal(Phase.Provisioning, status.Phase);
    }

    [Fact]
    public void AStuckRolloutIsDegradedWithTheDeploymentsMessage()
    {
        var deployment = Deployment(3, ready: 1, updated: 1);
        deployment.Status.Conditions = [new V1DeploymentCondition { Type = "Progressing", Status = "False", Reason = "ProgressDeadlineExceeded", Message = "rs web-1 has timed out" }];

        var status = AppTierStatusCalculator.Compute(Tiers.Web(), new AppTierObservation { Deployment = deployment }, T0);

        Assert.Equal(Phase.Degraded, status.Phase);
        Assert.Equal("rs web-1 has timed out", Conditions.Find(status.Conditions, "Degraded")!.Message);
    }

    [Fact]
    public void AnInvalidSpecIsDegradedWithReasonInvalidSpecNamingTheField()
    {
        var status = AppTierStatusCalculator.Compute(Tiers.Web(), new AppTierObservation { InvalidSpec = "spec.port: bad" }, T0);

        Assert.Equal(Phase.Degraded, status.Phase);
        var degraded = Conditions.Find(status.Conditions, "Degraded")!;
        Assert.Equal(("True", "InvalidSpec", "spec.port: bad"), (degraded.Status, degraded.Reason, degraded.Message));
        Assert.Equal("InvalidSpec", Conditions.Find(status.Conditions, "Ready")!.Reason);
    }

    [Fact]
    public void AMissingDependencyIsPendingNotDegraded()
    {
        var status = AppTierStatusCalculator.Compute(Tiers.Web(), new AppTierObservation { DependencyNotReady = "ProxySQL db does not exist" }, T0);

        Assert.Equal(Phase.Pending, status.Phase);
        var ready = Conditions.Find(status.Conditions, "Ready")!;
        Assert.Equal(("False", "DependencyNotReady", "ProxySQL db does not exist"), (ready.Status, ready.Reason, ready.Message));
        Assert.Equal("False", Conditions.Find(status.Conditions, "Degraded")!.Status);
    }

    [Fact]
    public void ComputingTheSameStateLaterGivesAnEqualStatus()
    {
        var tier = Tiers.Web();
        var observation = new AppTierObservation { Deployment = Deployment(3, ready: 1, updated: 3) };
        tier.Status = AppTierStatusCalculator.Compute(tier, observation, T0);

        var again = AppTierStatusCalculator.Compute(tier, observation, T0.AddHours(1));

        Assert.True(StatusWriter.AreEqual(tier.Status, again));
    }

    [Fact]
    public void ReadyMovesItsTransitionTimeOnlyWhenItFlips()
    {
        var tier = Tiers.Web();
        tier.Status = AppTierStatusCalculator.Compute(tier, new AppTierObservation { Deployment = Deployment(3, ready: 1, updated: 3) }, T0);
        var progressed = AppTierStatusCalculator.Compute(tier, new AppTierObservation { Deployment = Deployment(3, ready: 2, updated: 3) }, T0.AddMinutes(1));
        tier.Status = progressed;
        var ready = AppTierStatusCalculator.Compute(tier, new AppTierObservation { Deployment = Deployment(3, ready: 3, updated: 3) }, T0.AddMinutes(2));

        Assert.Equal(T0, Conditions.Find(progressed.Conditions, "Ready")!.LastTransitionTime);
        Assert.Equal(T0.AddMinutes(2), Conditions.Find(ready.Conditions, "Ready")!.LastTransitionTime);
    }

    // No queue scaler exists yet (QueueScaleDecision is its placeholder): nothing computes queueLength or lastScale*,
    // so this checks only that the calculator copies them from the previous status. It goes when the queue workers
    // issue brings the scaler and tests of what it measures.
    [Fact]
    public void TheCalculatorCopiesQueueLengthAndLastScaleReasonFromThePreviousStatus()
    {
        var tier = Tiers.Worker();
        tier.Status = new AppTierStatus { QueueLength = 17, LastScaleReason = "queue length 17 above target" };

        var status = AppTierStatusCalculator.Compute(tier, new AppTierObservation { Deployment = Deployment(2, 2, 2) }, T0);

        Assert.Equal(17, status.QueueLength);
        Assert.Equal("queue length 17 above target", status.LastScaleReason);
    }

    private static V1Deployment Deployment(int replicas, int ready, int updated) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", Generation = 1 },
        Spec = new V1DeploymentSpec { Replicas = replicas },
        Status = new V1DeploymentStatus { ObservedGeneration = 1, Replicas = replicas, ReadyReplicas = ready, UpdatedReplicas = updated },
    };
}
