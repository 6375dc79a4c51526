using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Writes;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Controllers;

public sealed class AppTierLifecycleTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private ClusterUnderTest cluster = null!;
    private OperatorInstance op = null!;

    public async Task InitializeAsync()
    {
        cluster = await ClusterUnderTest.StartAsync();
        op = await cluster.StartOperatorAsync();
    }

    public async Task DisposeAsync()
    {
        await op.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task ATierGetsOwnedChildrenAndAStatusAndUpdatesReachTheDeployment()
    {
        var created = await cluster.CreateAsync(TestTiers.Web("web"));

        await Poll.UntilAsync(async () => (await cluster.GetTierAsync("web")).Status?.ObservedGeneration == 1, Timeout, "status of web");
        var deployment = (await cluster.DeploymentAsync("web"))!;
        var service = await cluster.Client.CoreV1.ReadNamespacedServiceAsync("web", ClusterUnderTest.Namespace);
        var pdb = await cluster.Client.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("web", ClusterUnderTest.Namespace);
        foreach (var child in new IKubernetesObject<V1ObjectMeta>[] { deployment, service, pdb })
        {
            Assert.True(ChildWriter.IsControlledBy(child, created.Metadata.Uid), $"{child.Kind} is owned by the tier");
        }

        Assert.Equal(2, deployment.Spec.Replicas);
        var status = (await cluster.GetTierAsync("web")).Status!;
        Assert.Equal(2, status.DesiredReplicas);
        Assert.NotNull(Conditions.Find(status.Conditions, ConditionTypes.Ready));
        Assert.NotNull(status.Phase);

        await cluster.PatchTierAsync("web", new { spec = new { image = "nginx:1.28", replicas = 4, env = new[] { new { name = "MODE", value = "canary" } } } });

        await Poll.UntilAsync(async () => (await cluster.DeploymentAsync("web"))!.Spec.Template.Spec.Containers[0].Image == "nginx:1.28", Timeout, "new image");
        deployment = (await cluster.DeploymentAsync("web"))!;
        Assert.Equal(4, deployment.Spec.Replicas);
        Assert.Equal("canary", deployment.Spec.Template.Spec.Containers[0].Env.Single(e => e.Name == "MODE").Value);
        await Poll.UntilAsync(async () => (await cluster.GetTierAsync("web")).Status?.ObservedGeneration == 2, Timeout, "status of generation 2");

        // The emulator's Deployment controller brings the pods up: the tier becomes Ready with all four.
        await Poll.UntilAsync(async () => (await cluster.GetTierAsync("web")).Status?.Phase == Phase.Ready, Timeout, "web ready");
        status = (await cluster.GetTierAsync("web")).Status!;
        Assert.Equal((4, 4, 4), (status.Replicas, status.ReadyReplicas, status.DesiredReplicas));
        Assert.True(Conditions.IsTrue(status.Conditions, ConditionTypes.Ready));
    }

    [Fact]
    public async Task DeletingATierGarbageCollectsItsChildren()
    {
        await cluster.CreateAsync(TestTiers.Web("gone"));
        await Poll.UntilAsync(async () => await cluster.DeploymentAsync("gone") is not null, Timeout, "deployment");

        await cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(AppTier.Group, AppTier.Version, ClusterUnderTest.Namespace, AppTier.Plural, "gone");

        await Poll.UntilAsync(async () => await cluster.DeploymentAsync("gone") is null, Timeout, "deployment collected");
        await Poll.UntilAsync(
            async () => (await cluster.Client.CoreV1.ListNamespacedServiceAsync(ClusterUnderTest.Namespace)).Items.All(s => s.Metadata.Name != "gone"),
            Timeout, "service collected");
    }

    [Fact]
    public async Task AReconcileWithNothingToDoWritesNothingAndLogsNothingAtInfo()
    {
        await cluster.CreateAsync(TestTiers.Web("quiet"));
        await Poll.UntilAsync(async () => (await cluster.GetTierAsync("quiet")).Status?.ObservedGeneration == 1, Timeout, "status");
        // Settled means the pods are up and that status is written: until then a status write is a real change.
        await Poll.UntilAsync(async () => (await cluster.GetTierAsync("quiet")).Status?.Phase == Phase.Ready, Timeout, "tier ready");
        await Poll.UntilAsync(() => op.Manager.CachesSynced && op.Reconciles() >= 2, Timeout, "settled");
        // Every write so far has come back to the operator and been handled: no write of the settling is still on its way.
        await Poll.UntilAsync(() => AppTierControllerState.CaughtUpAsync(op, cluster, "quiet"), Timeout, "the operator to be idle with the tier's last write seen");
        var reconciles = op.Reconciles();
        var infoLines = op.Logs.Lines.Count(l => l.Category.Contains("AppTier", StringComparison.Ordinal));
        cluster.Emulator.Requests.Reset();

        // A label change is a real event for the tier (it is reconciled again) but asks for nothing new.
        await cluster.PatchTierAsync("quiet", new { metadata = new { labels = new { team = "checkout" } } });
        await Poll.UntilAsync(() => op.Reconciles() > reconciles, Timeout, "another reconcile");
        // The reconcile of the label change is over and nothing else is queued: a write it made would have been sent.
        await Poll.UntilAsync(() => AppTierControllerState.CaughtUpAsync(op, cluster, "quiet"), Timeout, "the operator to be idle again");

        Assert.Equal(1, cluster.Emulator.Requests.Writes());
        Assert.Equal(1, cluster.Emulator.Requests.Writes("apptiers"));
        Assert.Equal(infoLines, op.Logs.Lines.Count(l => l.Category.Contains("AppTier", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnEditedOrDeletedChildIsRestored()
    {
        await cluster.CreateAsync(TestTiers.Web("fix"));
        await Poll.UntilAsync(async () => await cluster.DeploymentAsync("fix") is not null, Timeout, "deployment");

        await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(new { spec = new { replicas = 9, template = new { spec = new { terminationGracePeriodSeconds = 1 } } } }, V1Patch.PatchType.MergePatch),
            "fix", ClusterUnderTest.Namespace);
        await cluster.Client.CoreV1.DeleteNamespacedServiceAsync("fix", ClusterUnderTest.Namespace);

        await Poll.UntilAsync(async () => (await cluster.DeploymentAsync("fix"))!.Spec.Replicas == 2, Timeout, "replicas restored");
        Assert.Equal(30, (await cluster.DeploymentAsync("fix"))!.Spec.Template.Spec.TerminationGracePeriodSeconds);
        await Poll.UntilAsync(
            async () => (await cluster.Client.CoreV1.ListNamespacedServiceAsync(ClusterUnderTest.Namespace)).Items.Any(s => s.Metadata.Name == "fix"),
            Timeout, "service recreated");
    }

    [Fact]
    public async Task TheScaleSubresourceScalesTheDeployment()
    {
        await cluster.CreateAsync(TestTiers.Web("scaled"));
        await Poll.UntilAsync(async () => await cluster.DeploymentAsync("scaled") is not null, Timeout, "deployment");

        await cluster.Client.CustomObjects.PatchNamespacedCustomObjectScaleAsync(
            new V1Patch(new { spec = new { replicas = 5 } }, V1Patch.PatchType.MergePatch),
            AppTier.Group, AppTier.Version, ClusterUnderTest.Namespace, AppTier.Plural, "scaled");

        await Poll.UntilAsync(async () => (await cluster.DeploymentAsync("scaled"))!.Spec.Replicas == 5, Timeout, "five replicas");
        await Poll.UntilAsync(async () => (await cluster.GetTierAsync("scaled")).Status?.DesiredReplicas == 5, Timeout, "desired 5");
    }

    [Fact]
    public async Task AWorkerTierHasNoServiceAndCpuAutoscalingAddsAndRemovesAnHpa()
    {
        await cluster.CreateAsync(TestTiers.Worker("jobs"));
        await Poll.UntilAsync(async () => await cluster.DeploymentAsync("jobs") is not null, Timeout, "deployment");
        Assert.DoesNotContain((await cluster.Client.CoreV1.ListNamespacedServiceAsync(ClusterUnderTest.Namespace)).Items, s => s.Metadata.Name == "jobs");

        await cluster.PatchTierAsync("jobs", new
        {
            spec = new
            {
                resources = new { requests = new { cpu = "250m" } },
                autoscaling = new { minReplicas = 2, maxReplicas = 6, cpu = new { targetUtilization = 60 }, scaleDownStabilizationSeconds = 120 },
            },
        });
        await Poll.UntilAsync(
            async () => (await cluster.Client.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(ClusterUnderTest.Namespace)).Items.Count == 1,
            Timeout, "hpa");
        var hpa = await cluster.Client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync("jobs", ClusterUnderTest.Namespace);
        Assert.Equal(120, hpa.Spec.Behavior.ScaleDown.StabilizationWindowSeconds);
        Assert.Equal(6, hpa.Spec.MaxReplicas);

        await cluster.PatchTierAsync("jobs", """{"spec":{"autoscaling":null}}""");
        await Poll.UntilAsync(
            async () => (await cluster.Client.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(ClusterUnderTest.Namespace)).Items.Count == 0,
            Timeout, "hpa removed");
    }
}
