using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BackendStack.Bench;

/// <summary>The operator executable started as its own process, so its memory is its own; killed on dispose.</summary>
internal sealed class OperatorProcess : IDisposable
{
    private readonly Process process;
    private long peakRssKilobytes;

    private OperatorProcess(Process process, Uri metrics)
    {
        this.process = process;
        Metrics = metrics;
    }

    public Uri Metrics { get; }

    public static OperatorProcess Start(string kubeconfig)
    {
        var metricsPort = FreePort();
        var probePort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "backendstack-operator.dll"),
                "--kubeconfig", kubeconfig,
                "--metrics-bind-address", $"127.0.0.1:{metricsPort}",
                "--health-probe-bind-address", $"127.0.0.1:{probePort}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the operator");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"operator: {e.Data}");
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"operator: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OperatorProcess(process, new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
    }

    /// <summary>The process's peak resident set (VmHWM), in MB.</summary>
    public double PeakRssMegabytes
    {
        get
        {
            SamplePeak();
            return peakRssKilobytes / 1024.0;
        }
    }

    public void SamplePeak()
    {
        var status = $"/proc/{process.Id}/status";
        if (!File.Exists(status))
        {
            return;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is not null)
        {
            var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            peakRssKilobytes = Math.Max(peakRssKilobytes, kb);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
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
