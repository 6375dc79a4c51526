namespace BackendStack.PodRuntime.Tests;

/// <summary>mountPaths and working directories that the host lacks exist in the container only.</summary>
public sealed class MountPathTests
{
    [Fact]
    public async Task MissingMountPathsAndWorkingDirectoryAreMadeInsideTheContainerNeverOnTheHost()
    {
        await using var harness = new RuntimeHarness();
        var unique = Guid.NewGuid().ToString("N")[..12];
        var topLevel = $"/podruntime-{unique}";
        var nested = $"/etc/podruntime-{unique}/conf.d";
        var workingDirectory = $"/var/lib/podruntime-{unique}/work";
        var pod = PodBuilder.Shell("mounts", $"echo inside > {topLevel}/a; echo nested > {nested}/b; pwd > {topLevel}/pwd; exec sleep 1000",
            PodBuilder.EmptyDir("top"), PodBuilder.EmptyDir("nested"));
        pod.App().VolumeMounts = [PodBuilder.Mount("top", topLevel), PodBuilder.Mount("nested", nested)];
        pod.App().WorkingDir = workingDirectory;
        pod.App().ReadinessProbe = PodBuilder.Exec("test", "-f", $"{nested}/b");
        var key = harness.Run(pod);

        await harness.WaitReadyAsync(key);
        var pid = harness.Runtime.GetContainerPid(key, "app")!.Value;
        Assert.Equal((0, "inside\n"), await Namespaces.ExecAsync(pid, "cat", $"{topLevel}/a"));
        Assert.Equal((0, $"{workingDirectory}\n"), await Namespaces.ExecAsync(pid, "cat", $"{topLevel}/pwd"));
        // The host's own files are still there for the container, and its /etc unchanged for the host.
        Assert.Equal(0, (await Namespaces.ExecAsync(pid, "test", "-f", "/etc/passwd")).ExitCode);
        Assert.False(Path.Exists(topLevel));
        Assert.False(Path.Exists(Path.GetDirectoryName(nested)));
        Assert.False(Path.Exists(Path.GetDirectoryName(workingDirectory)));
        // The data went to the Pod's volumes.
        var volumes = Path.Combine(harness.Runtime.Layout.PodDirectory(key, pod.Metadata.Uid), "volumes");
        Assert.Equal("nested\n", await File.ReadAllTextAsync(Path.Combine(volumes, "nested", "b")));
    }
}
