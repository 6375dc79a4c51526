namespace BackendStack.PodRuntime.Tests;

/// <summary><c>kubectl exec -it</c> on a real terminal (tmux): the command gets a TTY of the terminal's size, which follows resizes.</summary>
[Collection(ExecTestGroup.Name)]
public sealed class KubectlExecTerminalTests(ExecCluster exec)
{
    private string KubectlExec(string pod, string command) =>
        $"kubectl --kubeconfig {exec.Kubeconfig} exec -it -n {ExecCluster.Ns} {pod} -- {command}";

    [Fact]
    public async Task RedisCliWorksInteractively()
    {
        await using var terminal = await TerminalSession.StartAsync(KubectlExec(ExecCluster.RedisPod, "redis-cli"), 100, 30);
        await terminal.WaitForAsync(":6379>");

        await terminal.TypeLineAsync("SET greeting typed-at-a-terminal");
        await terminal.WaitForAsync("OK");
        await terminal.TypeLineAsync("GET greeting");

        await terminal.WaitForAsync("\"typed-at-a-terminal\"");
    }

    [Fact]
    public async Task ShellSeesATerminalOfTheWindowsSizeAndItsResizes()
    {
        await using var terminal = await TerminalSession.StartAsync(KubectlExec(ExecCluster.PodName, "sh"), 100, 30);
        await terminal.WaitForAsync("#");

        await terminal.TypeLineAsync("echo tty=$(tty) size=$(stty size)");
        await terminal.WaitForAsync("size=30 100");
        await terminal.ResizeAsync(120, 40);
        await terminal.TypeLineAsync("echo resized=$(stty size)");
        await terminal.WaitForAsync("resized=40 120");
        var screen = await terminal.ScreenAsync();
        Assert.Contains("tty=/dev/pts/", screen, StringComparison.Ordinal);

        await terminal.TypeLineAsync("exit 4");
        await terminal.WaitForAsync("command terminated with exit code 4");
    }
}
