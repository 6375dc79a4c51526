using System.Diagnostics;
using System.Net.Sockets;
using k8s.Models;

namespace BackendStack.PodRuntime.Probes;

/// <summary>Runs one probe attempt for real: exec inside the container's namespaces, tcpSocket, httpGet.</summary>
public sealed class ProbeRunner(HttpClient http)
{
    public async Task<bool> RunAsync(V1Probe probe, ProbeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(target);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, probe.TimeoutSeconds ?? 1)));
        try
        {
            if (probe.Exec is { } exec)
            {
                return await ExecAsync(exec.Command ?? [], target, timeout.Token).ConfigureAwait(false);
            }

            if (probe.TcpSocket is { } tcp)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(tcp.Host ?? target.PodIP, Port(tcp.Port, target), timeout.Token).ConfigureAwait(false);
                return true;
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
                return (int)response.StatusCode is >= 200 and < 400;
            }

            return probe.Grpc is null;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or HttpRequestException or IOException
            && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static int Port(IntOrString port, ProbeTarget target) =>
        int.TryParse(port.Value, out var number) ? number
        : target.NamedPorts.TryGetValue(port.Value, out var named) ? named
        : throw new IOException($"no container port named {port.Value}");

    private static async Task<bool> ExecAsync(IList<string> command, ProbeTarget target, CancellationToken cancellationToken)
    {
        if (command.Count == 0)
        {
            return false;
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
            return false;
        }

        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(output, error).ConfigureAwait(false);
            return process.ExitCode == 0;
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
