using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BackendStack.Bench;

/// <summary>The operator executable started as its own process, so its memory is its own; killed on dispose.</summary>
internal sealed class OperatorProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<TimeSpan> synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long peakRssKilobytes;

    private OperatorProcess(Process process, Uri metrics, Uri readyz, Stopwatch sinceStart)
    {
        this.process = process;
        Metrics = metrics;
        Readyz = readyz;
        SinceStart = sinceStart;
    }

    public Uri Metrics { get; }

    /// <summary>Where the process answers 200 once every informer has synced.</summary>
    public Uri Readyz { get; }

    /// <summary>Started just before the process was.</summary>
    public Stopwatch SinceStart { get; }

    /// <summary>The process's resident set now (VmRSS), in MB.</summary>
    public double RssMegabytes => StatusKilobytes("VmRSS:") / 1024.0;

    public static OperatorProcess Start(string kubeconfig, params string[] arguments)
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
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The manager logs when every informer has synced (what /readyz reports), so start-up is timed without
        // connecting during it: the managed HttpListener can fail its Start when a client connects at that moment.
        start.Environment["Logging__LogLevel__BackendStack.Operator.Runtime.Hosting.ControllerManager"] = "Information";
        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the operator");
        var op = new OperatorProcess(process, new Uri($"http://127.0.0.1:{metricsPort}/metrics"), new Uri($"http://127.0.0.1:{probePort}/readyz"), sinceStart);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (e.Data.Contains("kinds synced", StringComparison.Ordinal))
            {
                op.synced.TrySetResult(sinceStart.Elapsed);
            }
            else if (!e.Data.StartsWith("info:", StringComparison.Ordinal))
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
        return op;
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

    public void SamplePeak() => peakRssKilobytes = Math.Max(peakRssKilobytes, StatusKilobytes("VmHWM:"));

    /// <summary>
    /// Time from starting the process until its manager logged that every informer synced, once /readyz confirms it
    /// (asked only after that line, when the endpoints are long listening).
    /// </summary>
    public async Task<TimeSpan> WaitForReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var elapsed = await synced.Task.WaitAsync(timeout, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        using var response = await http.GetAsync(Readyz, cancellationToken);
        return response.IsSuccessStatusCode ? elapsed : throw new InvalidOperationException($"/readyz answered {(int)response.StatusCode} after the caches synced");
    }

    private long StatusKilobytes(string field)
    {
        var status = $"/proc/{process.Id}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
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
