using System.Diagnostics;

namespace BackendStack.PodRuntime.Zfs;

/// <summary>
/// Runs <c>zfs</c> and <c>zpool</c> (the zfs-fuse clients, which talk to the one daemon through
/// /var/run/zfs/zfs_socket) and returns what they printed.
/// </summary>
public static class ZfsCommand
{
    /// <summary>zfs-fuse answers "dataset is busy" for a short while after a mount was used; such commands are retried.</summary>
    private static readonly TimeSpan BusyPatience = TimeSpan.FromSeconds(5);

    /// <summary>Runs the tool; the exit code, standard output and standard error.</summary>
    public static async Task<ZfsResult> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new ZfsResult(process.ExitCode, await output.ConfigureAwait(false), (await errors.ConfigureAwait(false)).Trim());
    }

    /// <summary>Runs the tool and throws <see cref="ZfsException"/> with its message when it fails; retries while "busy".</summary>
    public static async Task<string> CheckedAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + BusyPatience;
        while (true)
        {
            var result = await RunAsync(tool, arguments, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                return result.Output;
            }

            if (!result.Errors.Contains("busy", StringComparison.OrdinalIgnoreCase) || DateTimeOffset.UtcNow > deadline)
            {
                throw new ZfsException($"{tool} {string.Join(' ', arguments)}: {result.Errors}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }
}
