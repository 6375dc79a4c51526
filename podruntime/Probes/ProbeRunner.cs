using System.Diagnostics;
using System.Net.Sockets;
using k8s.Models;

namespace BackendStack.PodRuntime.Probes;

/// <summary>
/// Runs one probe attempt for real: exec inside the container's namespaces, tcpSocket, httpGet. A failed
/// attempt says why (exit code and output, the socket error, the timeout), as the kubelet's Unhealthy Event does.
/// </summary>
public sealed class ProbeRunner(HttpClient http, TimeProvider time)
{
    public async Task<ProbeResult> RunAsync(V1Probe probe, ProbeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(target);
        var timeoutSeconds = Math.Max(1, probe.TimeoutSeconds ?? 1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        var started = time.GetTimestamp();
        ProbeResult Result(bool success, string detail) => new(success, detail, time.GetElapsedTime(started));
        try
        {
            if (probe.Exec is { } exec)
            {
                var (exitCode, output) = await ExecAsync(exec.Command ?? [], target, timeout.Token).ConfigureAwait(false);
                return Result(exitCode == 0, $"exit code {exitCode}{(output.Length > 0 ? ": " : "")}{output}");
            }

            if (probe.TcpSocket is { } tcp)
            {
                using var client = new TcpClient();
                var host = tcp.Host ?? target.PodIP;
                var port = Port(tcp.Port, target);
                await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
                return Result(true, $"connected to {host}:{port}");
            }

            if (probe.HttpGet is { } get)
            {
                var scheme = (get.Scheme ?? "HTTP").ToLowerInvariant();
                var path = get.Path ?? "/";
                using var request = new HttpRequestMessage(HttpMethod.Get,
                    new Uri($"{scheme}://{get.Host ?? target.PodIP}:{Port(get.Port, target)}{(path.StartsWith('/') ? path : "/" + path)}"));
                foreach (var header in get.HttpHeaders ?? [])
                {
                    request.Headers.TryAddWithoutValidation(header.Name, header.Value);
                }

                using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                return Result(status is >= 200 and < 400, $"HTTP status {status}");
            }

            return Result(probe.Grpc is null, probe.Grpc is null ? "no handler" : "gRPC probes are not supported");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(false, $"timed out after {timeoutSeconds} s");
        }
        catch (Exception e) when (e is SocketException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return Result(false, e.Message);
        }
    }

    private static int Port(IntOrString port, ProbeTarget target) =>
        int.TryParse(port.Value, out var number) ? number
        : target.NamedPorts.TryGetValue(port.Value, out var named) ? named
        : throw new IOException($"no container port named {port.Value}");

    /// <summary>The command's exit code and its output (stdout, then stderr), trimmed to <see cref="ProbeResult.MaxDetailLength"/>.</summary>
    private static async Task<(int ExitCode, string Output)> ExecAsync(IList<string> command, ProbeTarget target, CancellationToken cancellationToken)
    {
        if (command.Count == 0)
        {
            return (-1, "no command");
        }

        var start = new ProcessStartInfo(target.ExecPrefix[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in target.ExecPrefix.Skip(1).Concat(command))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in target.Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return (-1, $"cannot start {target.ExecPrefix[0]}");
        }

        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var text = string.Join('\n', new[] { await output.ConfigureAwait(false), await error.ConfigureAwait(false) }
                .Select(t => t.Trim()).Where(t => t.Length > 0));
            return (process.ExitCode, text.Length <= ProbeResult.MaxDetailLength ? text : text[..ProbeResult.MaxDetailLength]);
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
