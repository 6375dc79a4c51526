using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

namespace BackendStack.Emulator.Tests.Client;

/// <summary>KubernetesClient's LeaderElector with a LeaseLock: one leader among two, handover when it stops.</summary>
public sealed class LeaderElectionTests
{
    [Fact]
    public async Task ExactlyOneOfTwoCandidatesLeadsAndTheOtherTakesOverWhenItStops()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var leaders = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var observed = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var config = (string id) => new LeaderElectionConfig(new LeaseLock(scope.Client, "default", "operator-leader", id))
        {
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1.5),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
        using var a = new LeaderElector(config("a"));
        using var b = new LeaderElector(config("b"));
        a.OnStartedLeading += () => leaders["a"] = true;
        b.OnStartedLeading += () => leaders["b"] = true;
        a.OnStoppedLeading += () => leaders["a"] = false;
        b.OnStoppedLeading += () => leaders["b"] = false;
        a.OnNewLeader += leader => observed["a"] = leader;
        b.OnNewLeader += leader => observed["b"] = leader;
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var runA = a.RunUntilLeadershipLostAsync(stopA.Token);
        var runB = b.RunUntilLeadershipLostAsync(stopB.Token);

        await WatchClientTests.WaitUntilAsync(() => leaders.Values.Count(v => v) == 1);
        var first = leaders.Single(kv => kv.Value).Key;
        // The other candidate has tried since, read the Lease held by the leader, and stayed a follower.
        await WatchClientTests.WaitUntilAsync(() => observed.Count == 2 && observed.Values.All(l => l == first));
        Assert.Single(leaders, kv => kv.Value);
        var lease = await scope.Client.CoordinationV1.ReadNamespacedLeaseAsync("operator-leader", "default");
        Assert.Equal(first, lease.Spec.HolderIdentity);

        await (first == "a" ? stopA : stopB).CancelAsync();
        var second = first == "a" ? "b" : "a";
        await WatchClientTests.WaitUntilAsync(() => leaders.GetValueOrDefault(second));
        lease = await scope.Client.CoordinationV1.ReadNamespacedLeaseAsync("operator-leader", "default");
        Assert.Equal(second, lease.Spec.HolderIdentity);
        await stopA.CancelAsync();
        await stopB.CancelAsync();
        await Task.WhenAll(runA, runB).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
