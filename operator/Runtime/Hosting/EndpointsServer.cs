using System.Net;
using System.Net.Sockets;
using BackendStack.Operator.Runtime.Monitoring;
using Microsoft.Extensions.Hosting;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>
/// Serves /metrics on the metrics address and /healthz, /readyz (ready once the caches synced) on the probe
/// address: controller-runtime's <c>--metrics-bind-address</c> and <c>--health-probe-bind-address</c>, "0" turning
/// one off. Three fixed GET endpoints need no web framework: <see cref="HttpListener"/> serves them, which keeps
/// ASP.NET Core (about 20 MB of mapped code, JIT code and heap) out of the operator process.
/// </summary>
internal sealed class EndpointsServer(ControllerRuntimeOptions options, ControllerManager manager, ControllerRuntimeMetrics metrics) : IHostedService, IAsyncDisposable
{
    private readonly List<HttpListener> listeners = [];
    private readonly List<Task> serving = [];

    /// <summary>The addresses actually bound (ports resolved when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var probes = BindAddress.Parse(options.HealthProbeBindAddress);
        var metricsAt = BindAddress.Parse(options.MetricsBindAddress);
        var shared = probes is not null && probes.Equals(metricsAt);
        var addresses = new List<Uri>();
        if (probes is not null)
        {
            addresses.Add(Listen(probes, new EndpointsResponder(manager, metrics, servesProbes: true, servesMetrics: shared)));
        }

        if (metricsAt is not null && !shared)
        {
            addresses.Add(Listen(metricsAt, new EndpointsResponder(manager, metrics, servesProbes: false, servesMetrics: true)));
        }

        Addresses = addresses;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        await Task.WhenAll(serving).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var listener in listeners)
        {
            listener.Close();
        }

        return ValueTask.CompletedTask;
    }

    private Uri Listen(IPEndPoint endpoint, EndpointsResponder responder)
    {
        var port = endpoint.Port == 0 ? FreePort(endpoint.Address) : endpoint.Port;
        var host = endpoint.Address.Equals(IPAddress.Any) ? "+" : new UriBuilder("http", endpoint.Address.ToString()).Host;
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://{host}:{port}/");
        listener.Start();
        listeners.Add(listener);
        serving.Add(ServeAsync(listener, responder));
        return new Uri($"http://{(host == "+" ? IPAddress.Loopback.ToString() : host)}:{port}");
    }

    private static async Task ServeAsync(HttpListener listener, EndpointsResponder responder)
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // Not awaited: a slow scrape must not hold up a liveness probe behind it.
            _ = responder.RespondAsync(context);
        }
    }

    // HttpListener cannot bind port 0, which tests ask for; the system picks a free port first.
    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
