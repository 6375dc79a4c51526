using k8s;

namespace BackendStack.Tests.Controllers;

/// <summary>The operator converges after every fault of the API: dropped watches, expired history, failing writes, an outage.</summary>
public sealed class AppTierFaultTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private ClusterUnderTest cluster = null!;
    private OperatorInstance op = null!;

    public async Task InitializeAsync()
    {
        cluster = await ClusterUnderTest.StartAsync();
        op = await cluster.StartOperatorAsync();
        await Poll.UntilAsync(() => op.Manager.CachesSynced, Timeout, "caches synced");
    }

    public async Task DisposeAsync()
    {
        await op.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task WatchesDroppedOverAndOverStillDeliverEveryChange()
    {
        for (var i = 0; i < 5; i++)
        {
            cluster.Emulator.Faults.DropAllWatches();
            await cluster.CreateAsync(TestTiers.Web($"drop-{i}"));
            cluster.Emulator.Faults.DropAllWatches();
        }

        await AllConvergedAsync(5, "drop-");
        Assert.False(op.IsStopping);
    }

    [Fact]
    public async Task ExpiredWatchHistoryMakesTheInformersListAgain()
    {
        await cluster.CreateAsync(TestTiers.Web("before"));
        await AllConvergedAsync(1, "before");
        var lists = cluster.Emulator.Requests.Count("list", "apptiers");

        cluster.Emulator.Faults.ExpireWatchHistory();
        cluster.Emulator.Faults.DropAllWatches();
        await cluster.CreateAsync(TestTiers.Web("after"));

        await AllConvergedAsync(2, "");
        Assert.True(cluster.Emulator.Requests.Count("list", "apptiers") > lists, "the apptier informer listed again after 410");
    }

    [Fact]
    public async Task TwentyFailedWritesAreRetriedWithoutDuplicates()
    {
        // The operator's writes only: its creates of children and its status updates.
        cluster.Emulator.Faults.FailNext(8, "create", "deployments", 500);
        cluster.Emulator.Faults.FailNext(6, "create", "services", 409);
        cluster.Emulator.Faults.FailNext(6, "update", "apptiers", 500);
        for (var i = 0; i < 3; i++)
        {
            await cluster.CreateAsync(TestTiers.Web($"retry-{i}"));
        }

        await AllConvergedAsync(3, "retry-");
        Assert.True(cluster.Emulator.Requests.Count(code: 500) + cluster.Emulator.Requests.Count(code: 409) >= 20);
        Assert.True(op.Reconciles("error") > 0);
        Assert.False(op.IsStopping);
    }

    [Fact]
    public async Task AnUnreachableApiForTenSecondsIsSurvived()
    {
        await cluster.CreateAsync(TestTiers.Web("early"));
        await AllConvergedAsync(1, "early");

        cluster.Relay.Cut();
        for (var i = 0; i < 3; i++)
        {
            await cluster.CreateAsync(TestTiers.Web($"outage-{i}"));
        }

        await cluster.PatchTierAsync("early", new { spec = new { image = "nginx:1.29" } });
        await Task.Delay(TimeSpan.FromSeconds(10));
        Assert.Null(await cluster.DeploymentAsync("outage-0"));
        cluster.Relay.Restore();

        await AllConvergedAsync(3, "outage-", TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(async () => (await cluster.DeploymentAsync("early"))!.Spec.Template.Spec.Containers[0].Image == "nginx:1.29",
            Timeout, "update made during the outage");
        Assert.False(op.IsStopping);
    }

    /// <summary>Every tier with the prefix has exactly one Deployment, Service and PDB, and a status for its generation.</summary>
    private async Task AllConvergedAsync(int expected, string prefix, TimeSpan? timeout = null)
    {
        await Poll.UntilAsync(async () =>
        {
            var deployments = (await cluster.Client.AppsV1.ListNamespacedDeploymentAsync(ClusterUnderTest.Namespace)).Items
                .Count(d => d.Metadata.Name.StartsWith(prefix, StringComparison.Ordinal));
            var services = (await cluster.Client.CoreV1.ListNamespacedServiceAsync(ClusterUnderTest.Namespace)).Items
                .Count(d => d.Metadata.Name.StartsWith(prefix, StringComparison.Ordinal));
            var budgets = (await cluster.Client.PolicyV1.ListNamespacedPodDisruptionBudgetAsync(ClusterUnderTest.Namespace)).Items
                .Count(d => d.Metadata.Name.StartsWith(prefix, StringComparison.Ordinal));
            var tiers = (await cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync<Operator.Runtime.Clients.CustomResourceList<Operator.Api.AppTier>>(
                Operator.Api.AppTier.Group, Operator.Api.AppTier.Version, ClusterUnderTest.Namespace, Operator.Api.AppTier.Plural)).Items
                .Where(t => t.Metadata.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            return deployments == expected && services == expected && budgets == expected && tiers.Count == expected
                   && tiers.All(t => t.Status?.ObservedGeneration == t.Metadata.Generation);
        }, timeout ?? Timeout, $"{expected} tiers named {prefix}* converged");
    }
}
