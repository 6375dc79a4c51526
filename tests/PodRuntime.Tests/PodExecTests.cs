using System.Text;
using k8s;

namespace BackendStack.PodRuntime.Tests;

/// <summary>pods/exec through KubernetesClient's NamespacedPodExecAsync (v4.channel.k8s.io) into a local Pod.</summary>
[Collection(ExecTestGroup.Name)]
public sealed class PodExecTests(ExecCluster exec)
{
    private async Task<(int ExitCode, string Stdout, string Stderr)> ExecAsync(string script, string? stdin = null)
    {
        string stdout = "", stderr = "";
        var code = await exec.Client.NamespacedPodExecAsync(ExecCluster.PodName, ExecCluster.Ns, "app", ["sh", "-c", script], tty: false,
            async (input, output, error) =>
            {
                if (stdin is not null)
                {
                    await input.WriteAsync(Encoding.UTF8.GetBytes(stdin));
                    await input.FlushAsync();
                }

                var reading = new StreamReader(output).ReadToEndAsync();
                stderr = await new StreamReader(error).ReadToEndAsync();
                stdout = await reading;
            }, CancellationToken.None);
        return (code, stdout, stderr);
    }

    [Fact]
    public async Task ExitCodeOfTheCommandComesBack()
    {
        Assert.Equal(3, (await ExecAsync("exit 3")).ExitCode);
        Assert.Equal(0, (await ExecAsync("true")).ExitCode);
    }

    [Fact]
    public async Task StdoutAndStderrArriveSeparatelyAndStdinReachesTheCommand()
    {
        var (code, stdout, stderr) = await ExecAsync("read line; echo \"out:$line\"; echo \"err:$line\" >&2", stdin: "typed\n");

        Assert.Equal((0, "out:typed\n", "err:typed\n"), (code, stdout, stderr));
    }

    [Fact]
    public async Task CommandRunsInsideTheContainersNamespacesWithItsEnvironment()
    {
        var (code, stdout, _) = await ExecAsync($"hostname; echo \"$GREETING\"; cat {ExecCluster.MountPath}/file; readlink /proc/self/ns/pid /proc/self/ns/mnt");

        var container = exec.Cluster.Runtime.GetContainerPid(new PodKey(ExecCluster.Ns, ExecCluster.PodName), "app")!.Value;
        var namespaces = $"{new FileInfo($"/proc/{container}/ns/pid").LinkTarget}\n{new FileInfo($"/proc/{container}/ns/mnt").LinkTarget}";
        Assert.Equal(0, code);
        Assert.Equal($"{ExecCluster.PodName}\nhello from the spec\nmarker\n{namespaces}\n", stdout);
    }
}
