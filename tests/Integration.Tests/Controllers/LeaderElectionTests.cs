using BackendStack.Operator.Runtime.Hosting;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Controllers;

public sealed class LeaderElectionTests : IAsyncLifetime
{
    private ClusterUnderTest cluster = null!;

    public async Task InitializeAsync() => cluster = await ClusterUnderTest.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task ExactlyOneInstanceReconcilesAndTheOtherTakesOverWithinTheLeaseDuration()
    {
        await using var first = await cluster.StartOperatorAsync(o => o with { LeaderElect = true, Identity = "first" });
        await Poll.UntilAsync(() => first.Manager.Election?.IsLeader == true, TimeSpan.FromSeconds(20), "first leads");
        await using var second = await cluster.StartOperatorAsync(o => o with { LeaderElect = true, Identity = "second" });
        await Poll.UntilAsync(() => second.Manager.CachesSynced, TimeSpan.FromSeconds(20), "second's caches warm");

        await cluster.CreateAsync(TestTiers.Web("led"));
        await Poll.UntilAsync(async () => await cluster.DeploymentAsync("led") is not null, TimeSpan.FromSeconds(20), "first reconciles");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(first.Reconciles() > 0);
        Assert.Equal(0, second.Reconciles());
        Assert.Equal(1, first.Metrics.LeaderElectionMasterStatus.WithLabels("backendstack-operator").Value);
        Assert.Equal(0, second.Metrics.LeaderElectionMasterStatus.WithLabels("backendstack-operator").Value);

        var stopped = DateTime.UtcNow;
        await first.StopAsync();
        await Poll.UntilAsync(() => second.Manager.Election?.IsLeader == true, new ControllerRuntimeOptions().LeaseDuration, "second takes over");
        var takeover = DateTime.UtcNow - stopped;

        await cluster.CreateAsync(TestTiers.Web("after-takeover"));
        await Poll.UntilAsync(async () => await cluster.DeploymentAsync("after-takeover") is not null, TimeSpan.FromSeconds(20), "second reconciles");
        Assert.True(second.Reconciles() > 0);
        Assert.True(takeover < TimeSpan.FromSeconds(15), $"takeover took {takeover}");
        Assert.False(first.Manager.LeadershipLost);
    }

    [Fact]
    public async Task ALeaderThatLosesItsLeaseStopsTheProcess()
    {
        await using var leader = await cluster.StartOperatorAsync(o => o with
        {
            LeaderElect = true,
            Identity = "doomed",
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(500),
        });
        await Poll.UntilAsync(() => leader.Manager.Election?.IsLeader == true, TimeSpan.FromSeconds(20), "leads");

        // Someone else takes the Lease (as after a long pause of this process): renewing must fail.
        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("backendstack-operator", "default");
        lease.Spec.HolderIdentity = "intruder";
        lease.Spec.RenewTime = DateTime.UtcNow;
        lease.Spec.LeaseDurationSeconds = 3600;
        await cluster.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "backendstack-operator", "default");

        await Poll.UntilAsync(() => leader.IsStopping, TimeSpan.FromSeconds(20), "the process stops");
        Assert.True(leader.Manager.LeadershipLost);
    }
}
