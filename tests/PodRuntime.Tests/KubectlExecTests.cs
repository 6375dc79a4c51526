namespace BackendStack.PodRuntime.Tests;

/// <summary><c>kubectl exec</c> (kubectl 1.32: v5.channel.k8s.io over WebSocket) into a local Pod, without a terminal.</summary>
[Collection(ExecTestGroup.Name)]
public sealed class KubectlExecTests(ExecCluster exec)
{
    private Task<(int ExitCode, string Stdout, string Stderr)> ExecAsync(string? stdin, params string[] arguments) =>
        Kubectl.RunWithInputAsync(exec.Kubeconfig, stdin, ["exec", "-n", ExecCluster.Ns, ExecCluster.PodName, .. arguments]);

    [Fact]
    public async Task KubectlExitsWithTheCommandsExitCode()
    {
        var (code, stdout, stderr) = await ExecAsync(null, "--", "sh", "-c", "exit 3");

        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        Assert.Equal("command terminated with exit code 3\n", stderr);
    }

    [Fact]
    public async Task StdinIsPassedOnAndItsEndReachesTheCommandWhileStdoutAndStderrStayApart()
    {
        // wc only prints once its input has ended: kubectl closes the stdin channel (v5) when its own stdin ends.
        var (code, stdout, stderr) = await ExecAsync("one\ntwo\n", "-i", "--", "sh", "-c", "wc -l; echo to-stderr >&2");

        Assert.Equal((0, "2\n", "to-stderr\n"), (code, stdout, stderr));
    }

    [Fact]
    public async Task UnknownContainerIsRefusedAsKubeApiserverRefusesIt()
    {
        var (code, _, stderr) = await ExecAsync(null, "-c", "nosuch", "--", "true");

        Assert.Equal(1, code);
        Assert.Contains("container nosuch is not valid for pod shell", stderr, StringComparison.Ordinal);
    }
}
