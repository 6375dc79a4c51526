using System.Diagnostics;

namespace BackendStack.PodRuntime.Processes;

/// <summary>
/// A small shell process that outlives this one: it blocks reading a pipe whose only writer is this
/// process, and when the pipe closes (clean exit, crash or SIGKILL of the test host) it SIGKILLs
/// every process carrying the runtime's marker. It ignores the terminal's signals so a Ctrl-C does
/// not take it down before the runtime has stopped its Pods.
/// </summary>
public sealed class OrphanWatchdog : IDisposable
{
    private const string Script = """
        trap '' INT TERM HUP QUIT
        while read -r _; do :; done
        for round in 1 2 3; do
          for e in /proc/[0-9]*/environ; do
            if grep -qzxF "$1=$2" "$e" 2>/dev/null; then
              p=${e#/proc/}; kill -9 "${p%/environ}" 2>/dev/null
            fi
          done
        done
        """;

    private readonly Process process;

    public OrphanWatchdog(string runtimeId)
    {
        var start = new ProcessStartInfo("/usr/bin/setsid")
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "/bin/sh", "-c", Script, "watchdog", ProcessMarker.RuntimeVariable, runtimeId })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the orphan watchdog");
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        process.WaitForExit(TimeSpan.FromSeconds(10));
        process.Dispose();
    }
}
