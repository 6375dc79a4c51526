using System.Diagnostics;

namespace BackendStack.Tests.Hosting;

public class OperatorProcessTests
{
    [Fact]
    public async Task MissingKubeconfigExitsWithAClearErrorAndNoStackTrace()
    {
        var (exitCode, output, error) = await RunOperator("--kubeconfig", "/nonexistent/kubeconfig");

        Assert.Equal(1, exitCode);
        Assert.Equal("--kubeconfig: file not found: /nonexistent/kubeconfig", error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public async Task HelpExitsZero()
    {
        var (exitCode, output, _) = await RunOperator("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--health-probe-bind-address", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunOperator(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "backendstack-operator.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
