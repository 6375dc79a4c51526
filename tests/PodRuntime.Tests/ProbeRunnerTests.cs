using System.Net;
using System.Net.Sockets;
using BackendStack.PodRuntime.Probes;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>A failed probe attempt says why, as the kubelet's Unhealthy Event does, and the runtime keeps it in the container's probe log.</summary>
public sealed class ProbeRunnerTests
{
    private static readonly ProbeTarget Host = new("127.0.0.1", new Dictionary<string, int>(),
        new Dictionary<string, string> { ["PATH"] = ContainerEnvironment.DefaultPath }, ["/usr/bin/env", "--"]);

    [Fact]
    public async Task ExecFailureCarriesTheExitCodeAndTheCommandsOutput()
    {
        using var http = new HttpClient();
        var runner = new ProbeRunner(http, TimeProvider.System);

        var failed = await runner.RunAsync(PodBuilder.Exec("sh", "-c", "echo Donor/Desynced; echo 'ERROR 2002 (HY000): refused' >&2; exit 3"), Host, default);
        var passed = await runner.RunAsync(PodBuilder.Exec("sh", "-c", "echo Synced"), Host, default);

        Assert.False(failed.Success);
        Assert.Equal("exit code 3: Donor/Desynced\nERROR 2002 (HY000): refused", failed.Detail);
        Assert.True(passed.Success);
    }

    [Fact]
    public async Task AnAttemptThatOutlivesItsTimeoutFailsAsTimedOutAndItsProcessIsKilled()
    {
        using var http = new HttpClient();
        var runner = new ProbeRunner(http, TimeProvider.System);
        var pidFile = Path.Combine(Path.GetTempPath(), $"probe-timeout-{Guid.NewGuid():N}");
        var probe = PodBuilder.Exec("sh", "-c", $"echo $$ > {pidFile}; exec sleep 60");
        probe.TimeoutSeconds = 1;

        var result = await runner.RunAsync(probe, Host, default);

        Assert.False(result.Success);
        Assert.Equal("timed out after 1 s", result.Detail);
        Assert.True(result.Elapsed >= TimeSpan.FromSeconds(1), $"returned after {result.Elapsed}");
        var pid = File.ReadAllText(pidFile).Trim();
        File.Delete(pidFile);
        await Eventually.ValueAsync(() => Task.FromResult(Directory.Exists($"/proc/{pid}")), exists => !exists,
            $"the timed-out probe's command (pid {pid}) to be killed", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TcpProbeToAPortNobodyListensOnSaysTheConnectionWasRefused()
    {
        using var http = new HttpClient();
        var runner = new ProbeRunner(http, TimeProvider.System);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var probe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = port.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

        var open = await runner.RunAsync(probe, Host, default);
        listener.Stop();
        var closed = await runner.RunAsync(probe, Host, default);

        Assert.True(open.Success);
        Assert.False(closed.Success);
        Assert.Contains("refused", closed.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FailedReadinessAttemptsAndTheChangeOfVerdictAreKeptInTheContainersProbeLog()
    {
        await using var harness = new RuntimeHarness();
        var pod = PodBuilder.Shell("web-0", "exec sleep 1000");
        pod.App().ReadinessProbe = PodBuilder.Exec("sh", "-c", "echo not ready yet; exit 1");
        pod.App().ReadinessProbe.FailureThreshold = 2;

        var key = harness.Run(pod);

        var text = await Eventually.ValueAsync(
            () => Task.FromResult(harness.Runtime.GetProbeLogPath(key, "app") is { } path ? File.ReadAllText(path) : ""),
            t => t.Split('\n').Count(l => l.Contains("readiness probe failed after", StringComparison.Ordinal)) >= 2,
            "two failed readiness attempts in the probe log", TimeSpan.FromSeconds(60));
        Assert.Contains(": exit code 1: not ready yet", text, StringComparison.Ordinal);
        Assert.Null(harness.Runtime.GetProbeLogPath(key, "no-such-container"));
    }
}
