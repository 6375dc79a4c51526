using System.Diagnostics;

namespace BackendStack.Sandbox;

/// <summary>kubectl against the sandbox's kubeconfig: manifests are applied exactly as a person would.</summary>
public sealed class Kubectl(string kubeconfig)
{
    public async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--kubeconfig", kubeconfig }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start kubectl");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
    }

    /// <summary>Applies until it succeeds: custom resources are refused until discovery has seen their CRDs.</summary>
    public async Task ApplyAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (code, output) = await RunAsync(["apply", .. arguments], cancellationToken).ConfigureAwait(false);
            if (code == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"kubectl apply {string.Join(' ', arguments)} failed: {output}");
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }
    }
}
