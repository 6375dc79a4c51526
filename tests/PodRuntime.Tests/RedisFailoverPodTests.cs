using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using Xunit.Abstractions;
using static BackendStack.PodRuntime.Tests.RedisFailoverOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// The RedisFailover scenarios end to end through Pods: the operator (its own process) writes its
/// StatefulSets, ConfigMaps and Secret; the emulator's controllers make the Pods; the local runtime
/// runs them as real redis-server and redis-sentinel processes with the operator's start scripts.
/// </summary>
public sealed class RedisFailoverPodTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillMinus9OfTheMastersProcessFailsOverAndTheRestartedContainerRejoinsAsAReplica()
    {
        await using var stack = await StartAsync();
        var ready = await CreateReadyAsync(stack);
        var oldMaster = ready.Status.Master!.Pod!;
        var oldIp = ready.Status.Master.Ip!;
        Assert.Equal(oldIp, (await stack.Client.CoreV1.ReadNamespacedPodAsync(oldMaster, Ns)).Status.PodIP);
        Assert.Equal(oldIp, await MasterEndpointAsync(stack.Client));
        var password = await PasswordAsync(stack.Client);
        Assert.Equal("OK", await RedisCommand.RunAsync(oldIp, password, "SET", "before-crash", "kept"));
        // Replication is asynchronous: WAIT until both replicas hold the write, so the crash cannot take it along.
        Assert.Equal("2", await RedisCommand.RunAsync(oldIp, password, "WAIT", 2, 10_000));

        Assert.True(stack.Cluster.Emulator.Faults.KillPodProcess(Ns, oldMaster, "redis"));

        // The kubelet restarts the killed container in the same Pod within 200 ms, before Sentinel's down-after (1 s):
        // its start script finds the sentinels still naming it, waits for the failover, and joins the new master.
        var restarted = await Eventually.ValueAsync(() => stack.Client.CoreV1.ReadNamespacedPodAsync(oldMaster, Ns),
            p => p.Status.ContainerStatuses?.SingleOrDefault() is { RestartCount: 1, Ready: true }, "the killed container restarted and ready", WaitLimit);
        Assert.Equal(137, restarted.Status.ContainerStatuses[0].LastState.Terminated.ExitCode);
        Assert.Equal(oldIp, restarted.Status.PodIP);
        var startLog = await LogAsync(stack.Client, oldMaster, "redis");
        Assert.Contains("the sentinels name this pod as master", startLog, StringComparison.Ordinal);
        Assert.Contains("starting as a replica of ", startLog, StringComparison.Ordinal);
        Assert.DoesNotContain($"starting as a replica of {oldIp}:", startLog, StringComparison.Ordinal);

        // Sentinel may fail over twice on a busy machine (a fresh master that misses one down-after window of 1 s):
        // everything follows wherever the sentinels settle.
        var settled = await Eventually.ValueAsync(
            async () => (Resource: await GetAsync(stack.Client), Sentinels: await SentinelMastersAsync(stack.Client, password), Endpoint: await MasterEndpointAsync(stack.Client)),
            seen => seen.Resource.Status is { Failovers: >= 1, Master.Ip: { } ip } && ip != oldIp && seen.Sentinels is [{ } agreed] && agreed == ip && seen.Endpoint == ip,
            "the failover in status, the sentinels and the master Service's Endpoints on one new master", WaitLimit, () => stack.LogTail());
        var newMaster = settled.Resource.Status.Master!.Pod!;
        var newIp = settled.Resource.Status.Master.Ip!;
        Assert.NotEqual(oldMaster, newMaster);
        Assert.Equal(newMaster, settled.Resource.Status.LastFailover!.To);
        Assert.Equal("kept", await RedisCommand.RunAsync(newIp, password, "GET", "before-crash"));
        Assert.Equal("OK", await RedisCommand.RunAsync(newIp, password, "SET", "after-crash", "written"));
        await Eventually.ValueAsync(() => RedisCommand.ReplicatesFromAsync(oldIp, password, newIp), r => r, "the old master to rejoin as a replica of the new one", WaitLimit,
            () => ReplicationContext(oldMaster, oldIp, password, stack));
        await Eventually.ValueAsync(() => RedisCommand.RunAsync(oldIp, password, "GET", "after-crash"), v => v == "written", "the write after the failover on the rejoined replica", WaitLimit);

        // Ready again, with one master label on the master status names and every sentinel names (on a busy machine
        // Sentinel may move the master once more, even back to the rejoined pod, which holds every write).
        var final = await ReadyAsync(stack, redis: 3);
        var masters = await stack.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "backendstack.io/role=master");
        Assert.Equal([final.Status.Master!.Pod], masters.Items.Select(p => p.Metadata.Name));
        Assert.Equal([final.Status.Master.Ip], await SentinelMastersAsync(stack.Client, password));
        Assert.Equal("written", await RedisCommand.RunAsync(final.Status.Master.Ip!, password, "GET", "after-crash"));
        Assert.Equal("kept", await RedisCommand.RunAsync(final.Status.Master.Ip!, password, "GET", "before-crash"));
    }

    private static string ReplicationContext(string pod, string ip, string password, OperatorOnLocalPods stack)
    {
        string info;
        try
        {
            info = string.Join(", ", RedisCommand.ReplicationAsync(ip, password).GetAwaiter().GetResult().Select(p => $"{p.Key}={p.Value}"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            info = e.Message;
        }

        string log;
        try
        {
            log = LogAsync(stack.Client, pod, "redis", tailLines: 40).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log = e.Message;
        }

        return $"INFO replication of {ip}: {info}\nits log:\n{log}\noperator log:\n{stack.LogTail(80)}";
    }

    [Fact]
    public async Task SecondMasterIsDemotedByTheOperatorBeforeSentinelAndCountedScalingUpAddsAReplicaAndDeletingTheResourceKeepsItsClaims()
    {
        await using var stack = await StartAsync();
        var ready = await CreateReadyAsync(stack);
        var master = ready.Status.Master!;
        var password = await PasswordAsync(stack.Client);
        Assert.Equal("OK", await RedisCommand.RunAsync(master.Ip!, password, "SET", "before-scale", "kept"));
        Assert.Equal("2", await RedisCommand.RunAsync(master.Ip!, password, "WAIT", 2, 10_000));

        // A forced second master, as a healed partition leaves one: the operator makes it a replica of the agreed master
        // again, and counts it. Sentinel would convert it too, but only some 10 to 20 s later (it acts on a role change
        // reported more than 8 s before, and asks a replica for INFO every 10 s), so the sentinels must all know it first.
        var replica = (await stack.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "backendstack.io/role=replica")).Items.First();
        var sentinelPods = await PodsAsync(stack.Client, "sentinel");
        await Eventually.ValueAsync(() => Task.WhenAll(sentinelPods.Select(s => RedisCommand.SentinelMasterStateAsync(s.Status.PodIP, password, Name))),
            states => states.All(s => s["num-slaves"] == "2" && s["num-other-sentinels"] == "2"), "every sentinel to know both replicas and the other sentinels", WaitLimit);
        var countedBefore = ready.Status.SplitBrainsResolved ?? 0;
        var promoted = DateTime.UtcNow;
        Assert.Equal("OK", await RedisCommand.RunAsync(replica.Status.PodIP, password, "REPLICAOF", "NO", "ONE"));
        Assert.Equal("master", (await RedisCommand.ReplicationAsync(replica.Status.PodIP, password))["role"]);
        var demoted = await Eventually.ValueAsync(
            async () => (await stack.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: $"involvedObject.name={Name}")).Items
                .FirstOrDefault(e => e.Reason == "SplitBrainResolved" && e.Message.StartsWith($"Demoted second master {replica.Metadata.Name} ", StringComparison.Ordinal)),
            e => e is not null, $"the operator's SplitBrainResolved Event for {replica.Metadata.Name}", WaitLimit, () => stack.LogTail());
        output.WriteLine($"SplitBrainResolved seen {(DateTime.UtcNow - promoted).TotalSeconds:F1} s after REPLICAOF NO ONE: {demoted!.Message}");
        await Eventually.ValueAsync(() => RedisCommand.ReplicatesFromAsync(replica.Status.PodIP, password, master.Ip!), r => r,
            "the second master demoted to a replica of the agreed one", WaitLimit, () => stack.LogTail());
        var afterDemotion = await Eventually.ValueAsync(() => GetAsync(stack.Client), rf => rf.Status.SplitBrainsResolved == countedBefore + 1,
            "status.splitBrainsResolved to count the demotion", WaitLimit, () => stack.LogTail());
        Assert.Equal(master.Pod, afterDemotion.Status.Master!.Pod);
        // The operator was first: no sentinel converted the node itself (it logs +convert-to-slave when it does).
        foreach (var sentinel in sentinelPods)
        {
            Assert.DoesNotContain("+convert-to-slave", await LogAsync(stack.Client, sentinel.Metadata.Name, "sentinel"), StringComparison.Ordinal);
        }

        // Scaling up: a fourth Pod, a real replica of the master with the data.
        await PatchRedisAsync(stack.Client, new { replicas = 4 });
        await ReadyAsync(stack, redis: 4);
        var fourth = (await stack.Client.CoreV1.ReadNamespacedPodAsync($"{Name}-redis-3", Ns)).Status.PodIP;
        await Eventually.ValueAsync(() => RedisCommand.ReplicatesFromAsync(fourth, password, master.Ip!), r => r, "the new Pod replicating from the master", WaitLimit);
        Assert.Equal("kept", await RedisCommand.RunAsync(fourth, password, "GET", "before-scale"));

        // Deleting the resource stops its Pods but keeps the claims (storage.deletePolicy defaults to Retain).
        await DeleteAsync(stack.Client);
        await Eventually.ValueAsync(() => stack.Client.CoreV1.ListNamespacedPodAsync(Ns), pods => pods.Items.Count == 0, "every Pod gone", WaitLimit);
        await Eventually.ValueAsync(() => Task.FromResult(stack.Cluster.Runtime.RunningPods.Count), n => n == 0, "every Pod's processes stopped", WaitLimit);
        var claims = await stack.Client.CoreV1.ListNamespacedPersistentVolumeClaimAsync(Ns);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"data-{Name}-redis-{i}"), claims.Items.Select(c => c.Metadata.Name).Order(StringComparer.Ordinal));
    }
}
