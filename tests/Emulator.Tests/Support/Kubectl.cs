using System.Diagnostics;

namespace BackendStack.Emulator.Tests.Support;

/// <summary>The real kubectl binary, pointed at an emulator through a kubeconfig.</summary>
public sealed class Kubectl(string kubeconfig, string workingDirectory)
{
    public async Task<KubectlResult> RunAsync(params string[] args) => await RunWithInputAsync(null, args);

    public async Task<KubectlResult> RunWithInputAsync(string? stdin, params string[] args)
    {
        using var process = Start(args, stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running kubectl (get -w, wait, delete); the caller disposes it.</summary>
    public BackgroundKubectl StartBackground(params string[] args) => new(Start(args, redirectInput: false));

    /// <summary>Applies YAML given as text.</summary>
    public Task<KubectlResult> ApplyAsync(string yaml, params string[] extra) => RunWithInputAsync(yaml, ["apply", "-f", "-", .. extra]);

    private Process Start(string[] args, bool redirectInput)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        info.ArgumentList.Add($"--kubeconfig={kubeconfig}");
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["KUBECACHEDIR"] = Path.Combine(workingDirectory, "cache");
        return Process.Start(info)!;
    }
}

public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public KubectlResult ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"kubectl failed ({ExitCode}): {Stderr}\n{Stdout}");
        return this;
    }

    public KubectlResult ShouldFail()
    {
        Assert.True(ExitCode != 0, $"kubectl unexpectedly succeeded: {Stdout}");
        return this;
    }

    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
