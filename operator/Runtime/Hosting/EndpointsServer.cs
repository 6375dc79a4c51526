using System.Globalization;
using System.Net;
using BackendStack.Operator.Runtime.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>
/// Serves /metrics on the metrics address and /healthz, /readyz (ready once the caches synced) on the probe
/// address: controller-runtime's <c>--metrics-bind-address</c> and <c>--health-probe-bind-address</c>, "0" turning
/// one off. It is its own small Kestrel server, so the operator's host stays a plain generic host.
/// </summary>
internal sealed class EndpointsServer(ControllerRuntimeOptions options, ControllerManager manager, ControllerRuntimeMetrics metrics) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    /// <summary>The addresses actually bound (ports resolved when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var probes = Parse(options.HealthProbeBindAddress);
        var metricsAt = Parse(options.MetricsBindAddress);
        if (probes is null && metricsAt is null)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var endpoint in new[] { probes, metricsAt }.OfType<IPEndPoint>().Distinct())
            {
                kestrel.Listen(endpoint);
            }
        });
        app = builder.Build();
        if (probes is not null)
        {
            OnPort(app.MapGet("/healthz", () => Results.Text("ok")), probes);
            OnPort(app.MapGet("/readyz", () => manager.CachesSynced ? Results.Text("ok") : Results.Text("caches not synced", statusCode: 503)), probes);
        }

        if (metricsAt is not null)
        {
            OnPort(app.MapMetrics("/metrics", metrics.Registry), metricsAt);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        Addresses = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a))];
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>":8080" (every interface), "127.0.0.1:8080", or "0"/empty (off).</summary>
    public static IPEndPoint? Parse(string address)
    {
        if (string.IsNullOrEmpty(address) || address == "0")
        {
            return null;
        }

        var colon = address.LastIndexOf(':');
        var host = colon > 0 ? address[..colon].Trim('[', ']') : string.Empty;
        var port = int.Parse(address[(colon + 1)..], CultureInfo.InvariantCulture);
        return new IPEndPoint(host.Length == 0 ? IPAddress.Any : IPAddress.Parse(host), port);
    }

    // With fixed ports each endpoint answers only on its own listener; a port of 0 (tests) is not known in advance.
    private static void OnPort(IEndpointConventionBuilder endpoint, IPEndPoint address)
    {
        if (address.Port != 0)
        {
            endpoint.RequireHost($"*:{address.Port}");
        }
    }
}
