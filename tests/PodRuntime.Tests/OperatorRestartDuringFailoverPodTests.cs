using k8s;
using static BackendStack.PodRuntime.Tests.RedisFailoverOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>The operator down while Sentinel fails over between real Pods, and started again afterwards.</summary>
public sealed class OperatorRestartDuringFailoverPodTests
{
    [Fact]
    public async Task OperatorStartedAfterAFailoverLabelsTheNewMasterAndNeverMovesTheLabelBack()
    {
        await using var stack = await StartAsync();
        var ready = await CreateReadyAsync(stack);
        var oldMaster = ready.Status.Master!.Pod!;
        var oldIp = ready.Status.Master.Ip!;
        var password = await PasswordAsync(stack.Client);
        Assert.Equal("OK", await RedisCommand.RunAsync(oldIp, password, "SET", "before-crash", "kept"));
        Assert.Equal("2", await RedisCommand.RunAsync(oldIp, password, "WAIT", 2, 10_000));
        var sentinels = await PodsAsync(stack.Client, "sentinel");

        // Without the operator only Sentinel fails over: every sentinel must know the others (to elect a leader) and both replicas first.
        foreach (var sentinel in sentinels)
        {
            await Eventually.ValueAsync(() => RedisCommand.SentinelMasterStateAsync(sentinel.Status.PodIP, password, Name),
                m => m.GetValueOrDefault("num-other-sentinels") == "2" && m.GetValueOrDefault("num-slaves") == "2",
                $"{sentinel.Metadata.Name} to know the other sentinels and both replicas", WaitLimit);
        }

        await stack.StopOperatorAsync();
        Assert.True(stack.Cluster.Emulator.Faults.KillPodProcess(Ns, oldMaster, "redis"));
        var agreed = await Eventually.ValueAsync(
            async () => (await Task.WhenAll(sentinels.Select(s => RedisCommand.SentinelMasterIpAsync(s.Status.PodIP, password, Name)))).Distinct().ToList(),
            ips => ips is [{ } ip] && ip != oldIp, $"every sentinel on a new master while the operator is down", WaitLimit,
            () => string.Join(", ", sentinels.Select(s => s.Status.PodIP)) + "\n" + stack.LogTail());
        Assert.NotEqual(oldIp, agreed[0]);
        stack.StartOperator();

        // Sentinel may fail over more than once on a busy machine (a fresh master that misses the down-after window is
        // failed over again): the operator follows wherever the sentinels settle.
        var followed = await Eventually.ValueAsync(
            async () => (Resource: await GetAsync(stack.Client), Sentinels: await SentinelMastersAsync(stack.Client, password)),
            seen => seen.Resource.Status is { Failovers: >= 1, Master.Ip: { } ip } && ip != oldIp && seen.Sentinels is [{ } settled] && settled == ip,
            "the failover in status after the operator's start, on the master the sentinels settled on", WaitLimit, () => stack.LogTail());
        var newIp = followed.Resource.Status.Master!.Ip!;
        var newMaster = followed.Resource.Status.Master.Pod!;

        // Until the old master's container is back as a replica, the master label is only ever on the new master once moved.
        var labelled = new List<string>();
        await Eventually.ValueAsync(() => MasterLabelledAsync(stack.Client), pods => pods is [var only] && only == newMaster, "the master label on the new master", WaitLimit, () => stack.LogTail());
        await Eventually.ValueAsync(
            async () =>
            {
                labelled.AddRange(await MasterLabelledAsync(stack.Client));
                return await RedisCommand.ReplicatesFromAsync(oldIp, password, newIp);
            },
            r => r, "the old master restarted as a replica of the new one", WaitLimit, () => stack.LogTail());
        labelled.AddRange(await MasterLabelledAsync(stack.Client));
        Assert.All(labelled, pod => Assert.Equal(newMaster, pod));
        Assert.Equal("kept", await RedisCommand.RunAsync(newIp, password, "GET", "before-crash"));
        Assert.Equal(newMaster, (await ReadyAsync(stack, redis: 3)).Status.Master!.Pod);
    }

    private static async Task<IReadOnlyList<string>> MasterLabelledAsync(Kubernetes client) =>
        [.. (await client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "backendstack.io/role=master")).Items.Select(p => p.Metadata.Name)];
}
