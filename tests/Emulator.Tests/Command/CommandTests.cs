using System.Diagnostics;
using BackendStack.Emulator.Tests.Support;

namespace BackendStack.Emulator.Tests.Command;

/// <summary>The emulator as a command: serves, writes a kubeconfig, says ready, stops cleanly on SIGTERM and SIGINT.</summary>
public sealed class CommandTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task ServesWritesKubeconfigPrintsReadyAndStopsOnSignal(string signal)
    {
        var directory = Path.Combine(Path.GetTempPath(), "emulator-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var kubeconfig = Path.Combine(directory, "k.yaml");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "backendstack-emulator.dll"), "--port", "0", "--kubeconfig", kubeconfig })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        try
        {
            var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.StartsWith("ready", ready, StringComparison.Ordinal);
            var kubectl = new Support.Kubectl(kubeconfig, directory);
            (await kubectl.RunAsync("apply", "-f", EmulatorScope.Manifest("widgets-crd.yaml"))).ShouldSucceed();
            Assert.Contains("widgets.test.example.io", (await kubectl.RunAsync("get", "crd")).ShouldSucceed().Stdout);

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task HelpDocumentsTheOptions()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "backendstack-emulator.dll"));
        info.ArgumentList.Add("--help");
        using var process = Process.Start(info)!;
        var help = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("--port", help);
        Assert.Contains("--kubeconfig", help);
    }
}
