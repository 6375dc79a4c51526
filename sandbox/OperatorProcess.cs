using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BackendStack.PodRuntime.Processes;

namespace BackendStack.Sandbox;

/// <summary>
/// The operator, built alongside the sandbox, as its own process: it talks to the emulator through
/// the kubeconfig like it would to a cluster. It carries the runtime's process marker, so the
/// runtime's watchdog stops it too if the sandbox itself dies.
/// </summary>
public sealed class OperatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private bool disposed;

    private OperatorProcess(Process process) => this.process = process;

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    public static OperatorProcess Start(string kubeconfig, string logPath, string runtimeId)
    {
        // The operator's own launcher sits beside the sandbox's: the sandbox may itself run through
        // its launcher (dotnet run), so the current process is no way to start a .dll.
        var launcher = Path.Combine(AppContext.BaseDirectory, "backendstack-operator");
        if (!File.Exists(launcher))
        {
            throw new InvalidOperationException($"{launcher} is missing: build the sandbox project (it builds the operator)");
        }

        var start = new ProcessStartInfo("/usr/bin/setsid") { UseShellExecute = false };
        string[] arguments =
        [
            "/bin/sh", "-c", "exec \"$@\" >>\"$0\" 2>&1 </dev/null", logPath,
            launcher, "--kubeconfig", kubeconfig,
            "--metrics-bind-address", $"127.0.0.1:{FreePort()}", "--health-probe-bind-address", $"127.0.0.1:{FreePort()}",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[ProcessMarker.RuntimeVariable] = runtimeId;
        // Each entry of the log file is one line starting with its UTC time, to line it up with what a test or benchmark saw.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        start.Environment["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        return new OperatorProcess(Process.Start(start) ?? throw new InvalidOperationException("cannot start the operator"));
    }

    /// <summary>SIGTERM, then SIGKILL after 10 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            Signals.Send(process.Id, Signals.Term);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
