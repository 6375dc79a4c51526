using BackendStack.Operator.Api;
using k8s;
using static BackendStack.PodRuntime.Tests.RedisFailoverOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>A sentinel's process killed with kill -9 in its Pod: the kubelet restarts it and the RedisFailover heals.</summary>
public sealed class SentinelLossPodTests
{
    [Fact]
    public async Task KilledSentinelIsRestartedByTheKubeletAndEverySentinelAgreesAgain()
    {
        // A sentinel back within 200 ms would hardly show as lost: it stays down 20 s.
        await using var stack = await StartAsync(restartDelay: TimeSpan.FromSeconds(20));
        var ready = await CreateReadyAsync(stack);
        var master = ready.Status.Master!;
        var sentinel = $"{Name}-sentinel-2";

        Assert.True(stack.Cluster.Emulator.Faults.KillPodProcess(Ns, sentinel, "sentinel"));

        // The container stays down for the kubelet's restart delay (20 s here), long enough for the status to show it.
        var lost = await Eventually.ValueAsync(() => GetAsync(stack.Client), rf => rf.Status is { Phase: Phase.Degraded, Sentinels.Agreeing: 2 },
            "status to show two sentinels agreeing", WaitLimit, () => stack.LogTail());
        var degraded = lost.Status.Conditions!.Single(c => c.Type == ConditionTypes.Degraded);
        Assert.Equal(("True", "SentinelsUnavailable"), (degraded.Status, degraded.Reason));
        Assert.StartsWith($"{sentinel} does not answer", degraded.Message, StringComparison.Ordinal);

        var restarted = await Eventually.ValueAsync(() => stack.Client.CoreV1.ReadNamespacedPodAsync(sentinel, Ns),
            p => p.Status.ContainerStatuses?.SingleOrDefault() is { RestartCount: 1, Ready: true }, "the killed sentinel restarted and ready", WaitLimit);
        Assert.Equal(137, restarted.Status.ContainerStatuses[0].LastState.Terminated.ExitCode);
        var back = await ReadyAsync(stack, redis: 3);
        Assert.Equal(master.Pod, back.Status.Master!.Pod);
        Assert.Equal(0, back.Status.Failovers ?? 0);
        var password = await PasswordAsync(stack.Client);
        foreach (var pod in await PodsAsync(stack.Client, "sentinel"))
        {
            Assert.Equal(master.Ip, await RedisCommand.SentinelMasterIpAsync(pod.Status.PodIP, password, Name));
        }
    }
}
