using System.Diagnostics;

namespace BackendStack.PodRuntime.Tests;

/// <summary>Commands run on the host, as a person on the node would run them.</summary>
internal static class HostCommand
{
    /// <summary>Output of a command run on the host; throws when it fails.</summary>
    public static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token) + await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} exited {process.ExitCode}: {output}");
    }

    /// <summary>The listening TCP sockets on a port, one "address:port" per line.</summary>
    public static Task<string> ListenersAsync(int port) => RunAsync("/usr/bin/ss", "-Hltn", $"sport = :{port}");
}
