using System.Diagnostics;

namespace BackendStack.PodRuntime.Tests;

/// <summary>Runs a command inside a running process's mount, UTS and PID namespaces, as a person debugging a Pod would.</summary>
internal static class Namespaces
{
    public static async Task<(int ExitCode, string Output)> ExecAsync(int pid, params string[] command)
    {
        var start = new ProcessStartInfo("/usr/bin/nsenter") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", "-u", "-p", "--" }.Concat(command))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }
}
