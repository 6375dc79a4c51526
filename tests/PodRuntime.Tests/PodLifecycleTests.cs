using System.Diagnostics;
using BackendStack.PodRuntime;
using BackendStack.PodRuntime.Processes;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

public sealed class PodLifecycleTests
{
    private static V1PersistentVolumeClaim Claim(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "test", Uid = Guid.NewGuid().ToString() },
    };

    private static async Task<string> WaitForFileAsync(string path, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var text = "";
        while (DateTime.UtcNow < deadline)
        {
            text = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
            if (condition(text))
            {
                return text;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{path} never matched; last content: {text}");
        return text;
    }

    [Fact]
    public async Task ClaimDataSurvivesThePodAndStaysInsideThePodsMountNamespace()
    {
        await using var harness = new RuntimeHarness();
        harness.Cluster.Put(Claim("data-worker-0"));
        const string Script = "echo run >> /var/lib/worker-state/runs; echo \"runs: $(wc -l < /var/lib/worker-state/runs)\"; exec sleep 1000";
        V1Pod Pod()
        {
            var pod = PodBuilder.Shell("worker-0", Script,
                new V1Volume { Name = "state", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = "data-worker-0" } });
            pod.App().VolumeMounts = [PodBuilder.Mount("state", "/var/lib/worker-state")];
            return pod;
        }

        var first = harness.Run(Pod());
        await harness.WaitReadyAsync(first);
        await WaitForFileAsync(harness.Runtime.GetLogPath(first, "app")!, t => t.Contains("runs: 1", StringComparison.Ordinal));
        Assert.True(await harness.Runtime.DeletePodAsync(first));
        harness.Cluster.RemovePod(first);

        var second = harness.Run(Pod());
        await harness.WaitReadyAsync(second);
        await WaitForFileAsync(harness.Runtime.GetLogPath(second, "app")!, t => t.Contains("runs: 2", StringComparison.Ordinal));
        Assert.False(File.Exists("/var/lib/worker-state/runs"));
    }

    [Fact]
    public async Task ConfigMapUpdateReachesTheMountedFile()
    {
        await using var harness = new RuntimeHarness();
        V1ConfigMap ConfigMap(string greeting) => new()
        {
            Metadata = new V1ObjectMeta { Name = "greeting", NamespaceProperty = "test" },
            Data = new Dictionary<string, string> { ["greeting.txt"] = greeting, ["unused"] = "x" },
        };
        harness.Cluster.Put(ConfigMap("hello"));
        var pod = PodBuilder.Shell("reader", "exec sleep 1000",
            new V1Volume
            {
                Name = "config",
                ConfigMap = new V1ConfigMapVolumeSource
                {
                    Name = "greeting",
                    Items = [new V1KeyToPath { Key = "greeting.txt", Path = "conf/greeting.txt", Mode = 384 }],
                },
            });
        pod.App().VolumeMounts = [PodBuilder.Mount("config", "/etc/greeting")];
        var key = harness.Run(pod);
        await harness.WaitReadyAsync(key);
        var pid = harness.Runtime.GetContainerPid(key, "app")!.Value;

        Assert.Equal((0, "hello"), await Namespaces.ExecAsync(pid, "cat", "/etc/greeting/conf/greeting.txt"));
        Assert.Equal((0, "600\n"), await Namespaces.ExecAsync(pid, "stat", "-L", "-c", "%a", "/etc/greeting/conf/greeting.txt"));
        Assert.NotEqual(0, (await Namespaces.ExecAsync(pid, "test", "-e", "/etc/greeting/unused")).ExitCode);
        Assert.NotEqual(0, (await Namespaces.ExecAsync(pid, "touch", "/etc/greeting/new")).ExitCode);

        harness.Cluster.Put(ConfigMap("bonjour"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var seen = "";
        while (DateTime.UtcNow < deadline && seen != "bonjour")
        {
            seen = (await Namespaces.ExecAsync(pid, "cat", "/etc/greeting/conf/greeting.txt")).Output;
            await Task.Delay(100);
        }

        Assert.Equal("bonjour", seen);
    }

    [Fact]
    public async Task FailingReadinessProbeMakesThePodUnreadyAndTakesItOutOfItsServiceName()
    {
        await using var harness = new RuntimeHarness();
        var pod = PodBuilder.Shell("web-0", "touch /state/ready; exec sleep 1000", PodBuilder.EmptyDir("state"));
        pod.Metadata.Labels = new Dictionary<string, string> { ["app"] = "web" };
        pod.App().VolumeMounts = [PodBuilder.Mount("state", "/state")];
        pod.App().ReadinessProbe = PodBuilder.Exec("test", "-f", "/state/ready");
        harness.Cluster.Put(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "test" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" } },
        });
        var key = harness.Run(pod);
        await harness.WaitReadyAsync(key);
        var hosts = harness.Runtime.Layout.HostsFile("test");
        await WaitForFileAsync(hosts, t => t.Contains($"{pod.Status.PodIP}\tweb.test.svc.cluster.local", StringComparison.Ordinal));
        var pid = harness.Runtime.GetContainerPid(key, "app")!.Value;
        Assert.Equal(0, (await Namespaces.ExecAsync(pid, "getent", "hosts", "web")).ExitCode);

        Assert.Equal(0, (await Namespaces.ExecAsync(pid, "rm", "/state/ready")).ExitCode);

        var status = await harness.Sink.WaitForAsync(key, s => s.Conditions.Any(c => c is { Type: "Ready", Status: "False" }));
        Assert.Equal("Running", status.Phase);
        Assert.False(status.ContainerStatuses[0].Ready);
        Assert.Equal(0, status.ContainerStatuses[0].RestartCount);
        await WaitForFileAsync(hosts, t => !t.Contains("web.test.svc.cluster.local", StringComparison.Ordinal));
        Assert.NotEqual(0, (await Namespaces.ExecAsync(pid, "getent", "hosts", "web")).ExitCode);
    }

    [Fact]
    public async Task LivenessFailureRestartsTheContainerAndCountsRestarts()
    {
        await using var harness = new RuntimeHarness();
        var pod = PodBuilder.Shell("stuck", "echo started; exec sleep 1000", PodBuilder.EmptyDir("state"));
        pod.App().VolumeMounts = [PodBuilder.Mount("state", "/state")];
        pod.App().LivenessProbe = PodBuilder.Exec("test", "-f", "/state/alive");
        var key = harness.Run(pod);

        var status = await harness.Sink.WaitForAsync(key, s => s.ContainerStatuses[0].RestartCount >= 2);

        var container = status.ContainerStatuses[0];
        Assert.NotNull(container.LastState.Terminated);
        Assert.Equal(143, container.LastState.Terminated.ExitCode); // sleep ends on the SIGTERM that the liveness failure sends
        Assert.Equal("Running", status.Phase);
        Assert.NotNull(harness.Runtime.GetLogPath(key, "app", previous: true));
    }

    [Fact]
    public async Task KilledProcessIsRestartedWithItsExitCodeRecorded()
    {
        await using var harness = new RuntimeHarness();
        var key = harness.Run(PodBuilder.Shell("crashy", "exec sleep 1000"));
        await harness.WaitReadyAsync(key);
        var pid = harness.Runtime.GetContainerPid(key, "app")!.Value;

        Assert.True(harness.Runtime.KillContainer(key));

        var status = await harness.Sink.WaitForAsync(key, s => s.ContainerStatuses[0] is { RestartCount: 1, Ready: true });
        Assert.Equal(137, status.ContainerStatuses[0].LastState.Terminated.ExitCode);
        Assert.False(Signals.IsAlive(pid));
        Assert.NotEqual(pid, harness.Runtime.GetContainerPid(key, "app"));
    }

    [Fact]
    public async Task DeleteSendsSigtermThenSigkillAfterTheGracePeriod()
    {
        await using var harness = new RuntimeHarness();
        var stubborn = PodBuilder.Shell("stubborn", "trap 'echo got TERM' TERM; echo up; while :; do sleep 0.1; done");
        stubborn.Spec.TerminationGracePeriodSeconds = 2;
        var polite = PodBuilder.Shell("polite", "trap 'echo got TERM; exit 0' TERM; echo up; while :; do sleep 0.1; done");
        polite.Spec.TerminationGracePeriodSeconds = 30;
        var stubbornKey = harness.Run(stubborn);
        var politeKey = harness.Run(polite);
        await harness.WaitReadyAsync(stubbornKey);
        await harness.WaitReadyAsync(politeKey);
        var stubbornLog = harness.Runtime.GetLogPath(stubbornKey, "app")!;
        var stubbornPid = harness.Runtime.GetContainerPid(stubbornKey, "app")!.Value;
        await WaitForFileAsync(stubbornLog, t => t.Contains("up", StringComparison.Ordinal));

        var clock = Stopwatch.StartNew();
        var deleting = harness.Runtime.DeletePodAsync(stubbornKey);
        await WaitForFileAsync(stubbornLog, t => t.Contains("got TERM", StringComparison.Ordinal));
        Assert.True(Signals.IsAlive(stubbornPid));
        await deleting;
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(10));
        Assert.False(Signals.IsAlive(stubbornPid));

        clock.Restart();
        Assert.True(await harness.Runtime.DeletePodAsync(politeKey));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"a container that exits on SIGTERM is not held for its 30 s grace period ({clock.Elapsed})");
    }

    [Fact]
    public async Task StoppingTheRuntimeLeavesNoProcessEvenDaemonizedOnes()
    {
        var harness = new RuntimeHarness();
        string runtimeId;
        try
        {
            runtimeId = harness.Runtime.RuntimeId;
            // A double fork with a new session escapes process groups; the PID namespace still holds it.
            var key = harness.Run(PodBuilder.Shell("forker", "(setsid sleep 1000 &); echo forked; exec sleep 1000"));
            await harness.WaitReadyAsync(key);
            await WaitForFileAsync(harness.Runtime.GetLogPath(key, "app")!, t => t.Contains("forked", StringComparison.Ordinal));
            Assert.NotEmpty(ProcessSweeper.Find(ProcessMarker.RuntimeVariable, runtimeId));
        }
        finally
        {
            await harness.DisposeAsync();
        }

        Assert.Empty(ProcessSweeper.Find(ProcessMarker.RuntimeVariable, runtimeId));
        Assert.DoesNotContain(Process.GetProcessesByName("sleep"), p => ProcessSweeper.Find(ProcessMarker.RuntimeVariable, runtimeId).Contains(p.Id));
    }

    [Fact]
    public async Task WatchdogKillsMarkedProcessesWhenItsOwnerGoesAway()
    {
        var runtimeId = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("/usr/bin/setsid", ["/bin/sleep", "1000"]);
        start.Environment[ProcessMarker.RuntimeVariable] = runtimeId;
        using var orphan = Process.Start(start)!;
        var watchdog = new OrphanWatchdog(runtimeId);
        try
        {
            Assert.True(Signals.IsAlive(orphan.Id));
        }
        finally
        {
            // Closing the pipe is what the owner's death does too.
            watchdog.Dispose();
        }

        Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(5)));
        Assert.Equal(137, orphan.ExitCode);
    }

    [Fact]
    public async Task ImageWithoutLocalEquivalentLeavesThePodPendingWithTheReason()
    {
        await using var harness = new RuntimeHarness();
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "haproxy-0" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "haproxy", Image = "haproxy:2.8" }] },
        };
        var key = harness.Run(pod);

        var status = await harness.Sink.WaitForAsync(key, s => s.ContainerStatuses[0].State.Waiting?.Reason == "NoLocalEquivalent");

        Assert.Equal("Pending", status.Phase);
        var ready = status.Conditions.Single(c => c.Type == "Ready");
        Assert.Equal(("False", "NoLocalEquivalent"), (ready.Status, ready.Reason));
        Assert.Contains(ContainerLaunch.LocalCommandAnnotation, ready.Message, StringComparison.Ordinal);
    }
}
