using BackendStack.Operator.Runtime.Hosting;
using BackendStack.Operator.Runtime.Leadership;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace BackendStack.Tests.Controllers;

public sealed class LeaderElectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>A takeover after a clean stop takes one retry period (2 s); this only bounds a hung run.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private ClusterUnderTest cluster = null!;

    public async Task InitializeAsync() => cluster = await ClusterUnderTest.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task ExactlyOneInstanceReconcilesAndTheOtherTakesOverWhenTheLeaderStops()
    {
        await using var first = await cluster.StartOperatorAsync(o => o with { LeaderElect = true, Identity = "first" });
        await Poll.UntilAsync(() => first.Manager.Election?.IsLeader == true, TimeSpan.FromSeconds(20), "first leads");
        await using var second = await cluster.StartOperatorAsync(o => o with { LeaderElect = true, Identity = "second" });
        await Poll.UntilAsync(() => second.Manager.CachesSynced, TimeSpan.FromSeconds(20), "second's caches warm");

        await cluster.CreateAsync(TestTiers.Web("led"));
        await Poll.UntilAsync(async () => (await cluster.GetTierAsync("led")).Status?.ObservedGeneration == 1, TimeSpan.FromSeconds(20), "first reconciles");
        // Both instances have the tier as it is now and the leader has nothing left to do: an instance that ran
        // workers without the Lease would have reconciled it too by now.
        await Poll.UntilAsync(
            async () => await AppTierControllerState.CaughtUpAsync(first, cluster, "led")
                && AppTierControllerState.CachedVersion(second, "led") == (await cluster.GetTierAsync("led")).Metadata.ResourceVersion,
            TimeSpan.FromSeconds(20), "both instances to have seen the tier's last write");
        Assert.True(first.Reconciles() > 0);
        Assert.Equal(0, second.Reconciles());
        Assert.Equal(0, second.Metrics.ActiveWorkers.WithLabels("apptier").Value);
        Assert.Equal(1, first.Metrics.LeaderElectionMasterStatus.WithLabels("backendstack-operator").Value);
        Assert.Equal(0, second.Metrics.LeaderElectionMasterStatus.WithLabels("backendstack-operator").Value);

        var stopped = TimeProvider.System.GetTimestamp();
        await first.StopAsync();
        // The stopping leader hands the Lease back instead of letting it run out.
        Assert.Contains(first.Logs.Lines, l => l.Message.Contains("first released the lease backendstack-operator", StringComparison.Ordinal));
        await Poll.UntilAsync(() => second.Manager.Election?.IsLeader == true, Generous, "second takes over");
        output.WriteLine($"takeover {TimeProvider.System.GetElapsedTime(stopped).TotalSeconds:F1} s after the leader stopped "
            + $"(lease {new ControllerRuntimeOptions().LeaseDuration.TotalSeconds:F0} s, retry {new ControllerRuntimeOptions().RetryPeriod.TotalSeconds:F0} s)");

        await cluster.CreateAsync(TestTiers.Web("after-takeover"));
        await Poll.UntilAsync(async () => await cluster.DeploymentAsync("after-takeover") is not null, TimeSpan.FromSeconds(20), "second reconciles");
        Assert.True(second.Reconciles() > 0);
        Assert.False(first.Manager.LeadershipLost);
    }

    [Fact]
    public async Task AStoppedLeaderHandsTheLeaseBackStampedByTheInjectedClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 5, 4, 3, 2, 1, TimeSpan.Zero));
        var options = new ControllerRuntimeOptions
        {
            LeaderElect = true,
            Identity = "clocked",
            LeaderElectionNamespace = "default",
            RetryPeriod = TimeSpan.FromMilliseconds(500),
        };
        var election = new LeaseElection(cluster.Client, options, null, time, NullLogger.Instance);
        var leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var run = election.RunAsync(
            async ct =>
            {
                leading.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            },
            stop.Token);
        await leading.Task.WaitAsync(Generous);
        var held = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(options.LeaderElectionId, "default");
        Assert.Equal("clocked", held.Spec.HolderIdentity);

        await stop.CancelAsync();
        Assert.False(await run.WaitAsync(Generous));

        var released = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(options.LeaderElectionId, "default");
        Assert.True(string.IsNullOrEmpty(released.Spec.HolderIdentity), $"holder {released.Spec.HolderIdentity}");
        Assert.Equal(1, released.Spec.LeaseDurationSeconds);
        Assert.Equal(time.GetUtcNow().UtcDateTime, released.Spec.RenewTime?.ToUniversalTime());
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
        // The leader renews every 500 ms, so the intruder's replace can lose the race: read again and retry, as
        // any client of an optimistic-concurrency API does.
        await Poll.UntilAsync(TakeLeaseAsync, TimeSpan.FromSeconds(20), "the intruder takes the Lease");

        await Poll.UntilAsync(() => leader.IsStopping, TimeSpan.FromSeconds(20), "the process stops");
        Assert.True(leader.Manager.LeadershipLost);
    }

    private async Task<bool> TakeLeaseAsync()
    {
        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("backendstack-operator", "default");
        lease.Spec.HolderIdentity = "intruder";
        lease.Spec.RenewTime = DateTime.UtcNow;
        lease.Spec.LeaseDurationSeconds = 3600;
        try
        {
            await cluster.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "backendstack-operator", "default");
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return false;
        }
    }
}
