using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using RedisFailoverResource = BackendStack.Operator.Api.RedisFailover;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// The RedisFailover scenarios end to end through Pods: the operator (its own process) writes its
/// StatefulSets, ConfigMaps and Secret; the emulator's controllers make the Pods; the local runtime
/// runs them as real redis-server and redis-sentinel processes with the operator's start scripts.
/// </summary>
public sealed class RedisFailoverPodTests
{
    private const string Ns = "shop";
    private const string Name = "cache";

    /// <summary>
    /// A crashed container stays down this long before the kubelet restarts it: longer than
    /// Sentinel's down-after-milliseconds (1 s here), so Sentinel fails over rather than seeing the
    /// master come back (with its data) before it counts as down, even on a loaded machine where
    /// detection, election and promotion take a few seconds.
    /// </summary>
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(8);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KillMinus9OfTheMastersProcessFailsOverAndTheRestartedContainerRejoinsAsAReplica()
    {
        await using var stack = await OperatorOnLocalPods.StartAsync(Ns, RestartDelay);
        await CreateAsync(stack.Client, replicas: 3);
        var ready = await ReadyAsync(stack, redis: 3);
        var oldMaster = ready.Status.Master!.Pod!;
        var oldIp = ready.Status.Master.Ip!;
        Assert.Equal(oldIp, (await stack.Client.CoreV1.ReadNamespacedPodAsync(oldMaster, Ns)).Status.PodIP);
        Assert.Equal(oldIp, await MasterEndpointAsync(stack.Client));
        var password = await PasswordAsync(stack.Client);
        Assert.Equal("OK", await RedisCommand.RunAsync(oldIp, password, "SET", "before-crash", "kept"));
        // Replication is asynchronous: WAIT until both replicas hold the write, so the crash cannot take it along.
        Assert.Equal("2", await RedisCommand.RunAsync(oldIp, password, "WAIT", 2, 10_000));

        Assert.True(stack.Cluster.Emulator.Faults.KillPodProcess(Ns, oldMaster, "redis"));

        var failedOver = await Eventually.ValueAsync(() => GetAsync(stack.Client), rf => rf.Status?.Failovers >= 1, "the failover in status", Timeout, () => stack.LogTail());
        Assert.Equal(1, failedOver.Status.Failovers);
        Assert.Equal(oldMaster, failedOver.Status.LastFailover!.From);
        var newMaster = failedOver.Status.LastFailover.To!;
        Assert.NotEqual(oldMaster, newMaster);
        var newIp = (await stack.Client.CoreV1.ReadNamespacedPodAsync(newMaster, Ns)).Status.PodIP;
        await Eventually.ValueAsync(() => MasterEndpointAsync(stack.Client), ip => ip == newIp, "the master Service's Endpoints on the new master", Timeout);
        Assert.Equal("OK", await RedisCommand.RunAsync(newIp, password, "SET", "after-crash", "written"));
        Assert.Equal("kept", await RedisCommand.RunAsync(newIp, password, "GET", "before-crash"));

        // The kubelet restarts the killed container in the same Pod; its start script asks Sentinel for the master.
        var restarted = await Eventually.ValueAsync(() => stack.Client.CoreV1.ReadNamespacedPodAsync(oldMaster, Ns),
            p => p.Status.ContainerStatuses?.SingleOrDefault() is { RestartCount: 1, Ready: true }, "the killed container restarted and ready", Timeout);
        Assert.Equal(137, restarted.Status.ContainerStatuses[0].LastState.Terminated.ExitCode);
        Assert.Equal(oldIp, restarted.Status.PodIP);
        await Eventually.ValueAsync(() => RedisCommand.ReplicatesFromAsync(oldIp, password, newIp), r => r, "the old master to rejoin as a replica of the new one", Timeout);
        await Eventually.ValueAsync(() => RedisCommand.RunAsync(oldIp, password, "GET", "after-crash"), v => v == "written", "the write after the failover on the rejoined replica", Timeout);
        var masters = await stack.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "backendstack.io/role=master");
        Assert.Equal([newMaster], masters.Items.Select(p => p.Metadata.Name));
        Assert.Equal(1, (await GetAsync(stack.Client)).Status.Failovers);
    }

    [Fact]
    public async Task SecondMasterIsDemotedScalingUpAddsAReplicaAndDeletingTheResourceKeepsItsClaims()
    {
        await using var stack = await OperatorOnLocalPods.StartAsync(Ns, RestartDelay);
        await CreateAsync(stack.Client, replicas: 3);
        var ready = await ReadyAsync(stack, redis: 3);
        var master = ready.Status.Master!;
        var password = await PasswordAsync(stack.Client);
        Assert.Equal("OK", await RedisCommand.RunAsync(master.Ip!, password, "SET", "before-scale", "kept"));
        Assert.Equal("2", await RedisCommand.RunAsync(master.Ip!, password, "WAIT", 2, 10_000));

        // A forced second master, as a healed partition leaves one: it becomes a replica of the agreed master again.
        var replica = (await stack.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "backendstack.io/role=replica")).Items.First();
        Assert.Equal("OK", await RedisCommand.RunAsync(replica.Status.PodIP, password, "REPLICAOF", "NO", "ONE"));
        Assert.Equal("master", (await RedisCommand.ReplicationAsync(replica.Status.PodIP, password))["role"]);
        await Eventually.ValueAsync(() => RedisCommand.ReplicatesFromAsync(replica.Status.PodIP, password, master.Ip!), r => r,
            "the second master demoted to a replica of the agreed one", Timeout, () => stack.LogTail());
        var afterDemotion = await GetAsync(stack.Client);
        Assert.Equal(master.Pod, afterDemotion.Status.Master!.Pod);

        // Scaling up: a fourth Pod, a real replica of the master with the data.
        await stack.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(new { spec = new { redis = new { replicas = 4 } } }, V1Patch.PatchType.MergePatch),
            RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, Name);
        await ReadyAsync(stack, redis: 4);
        var fourth = (await stack.Client.CoreV1.ReadNamespacedPodAsync($"{Name}-redis-3", Ns)).Status.PodIP;
        await Eventually.ValueAsync(() => RedisCommand.ReplicatesFromAsync(fourth, password, master.Ip!), r => r, "the new Pod replicating from the master", Timeout);
        Assert.Equal("kept", await RedisCommand.RunAsync(fourth, password, "GET", "before-scale"));

        // Deleting the resource stops its Pods but keeps the claims (storage.deletePolicy defaults to Retain).
        await stack.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, Name);
        await Eventually.ValueAsync(() => stack.Client.CoreV1.ListNamespacedPodAsync(Ns), pods => pods.Items.Count == 0, "every Pod gone", Timeout);
        await Eventually.ValueAsync(() => Task.FromResult(stack.Cluster.Runtime.RunningPods.Count), n => n == 0, "every Pod's processes stopped", Timeout);
        var claims = await stack.Client.CoreV1.ListNamespacedPersistentVolumeClaimAsync(Ns);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"data-{Name}-redis-{i}"), claims.Items.Select(c => c.Metadata.Name).Order(StringComparer.Ordinal));
    }

    private static async Task CreateAsync(Kubernetes client, int replicas)
    {
        var resource = new RedisFailoverResource { Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Ns } };
        resource.Spec.Redis.Replicas = replicas;
        resource.Spec.Redis.Storage = new StorageSpec { Size = "1Gi" };
        resource.Spec.Sentinel.DownAfterMilliseconds = 1000;
        resource.Spec.Sentinel.FailoverTimeout = 3000;
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural);
    }

    private static Task<RedisFailoverResource> GetAsync(Kubernetes client) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<RedisFailoverResource>(RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, Name);

    /// <summary>Waits for Ready with every Redis and Sentinel Pod ready and all three sentinels agreeing.</summary>
    private static Task<RedisFailoverResource> ReadyAsync(OperatorOnLocalPods stack, int redis) =>
        Eventually.ValueAsync(() => GetAsync(stack.Client),
            rf => rf.Status is { Phase: Phase.Ready, Master.Ip: not null, Redis: { } r, Sentinels.Agreeing: 3 } && r.Ready == redis && r.Total == redis,
            $"Ready with {redis} redis Pods", Timeout, () => stack.LogTail());

    /// <summary>The one address behind the master Service (its Endpoints, as a Service proxy would route).</summary>
    private static async Task<string?> MasterEndpointAsync(Kubernetes client)
    {
        var endpoints = await client.CoreV1.ListNamespacedEndpointsAsync(Ns, fieldSelector: $"metadata.name={Name}-redis-master");
        var addresses = endpoints.Items.SelectMany(e => e.Subsets ?? []).SelectMany(s => s.Addresses ?? []).Select(a => a.Ip).ToList();
        return addresses.Count == 1 ? addresses[0] : null;
    }

    private static async Task<string> PasswordAsync(Kubernetes client) =>
        System.Text.Encoding.UTF8.GetString((await client.CoreV1.ReadNamespacedSecretAsync($"{Name}-redis-auth", Ns)).Data["password"]);
}
