using System.Diagnostics;

namespace BackendStack.PodRuntime.Tests;

/// <summary>Runs the real kubectl against a kubeconfig.</summary>
internal static class Kubectl
{
    /// <summary>The exit code and everything kubectl printed (stdout, then stderr).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string kubeconfig, params string[] arguments)
    {
        var (code, stdout, stderr) = await RunWithInputAsync(kubeconfig, null, arguments);
        return (code, stdout + stderr);
    }

    /// <summary>Runs kubectl with <paramref name="stdin"/> as its input (none when null); stdout and stderr apart.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithInputAsync(string kubeconfig, string? stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
