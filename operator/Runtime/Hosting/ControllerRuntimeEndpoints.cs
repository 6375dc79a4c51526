using System.Globalization;
using System.Net;
using BackendStack.Operator.Runtime.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>
/// Serves /metrics on the metrics address and /healthz, /readyz on the probe address (controller-runtime's
/// <c>--metrics-bind-address</c> and <c>--health-probe-bind-address</c>; "0" turns one off).
/// </summary>
internal static class ControllerRuntimeEndpoints
{
    public static void ListenOnControllerRuntimeAddresses(this IWebHostBuilder webHost, ControllerRuntimeOptions options)
    {
        webHost.ConfigureKestrel(kestrel =>
        {
            foreach (var address in new[] { options.MetricsBindAddress, options.HealthProbeBindAddress }.Distinct())
            {
                if (Parse(address) is { } endpoint)
                {
                    kestrel.Listen(endpoint);
                }
            }
        });
    }

    public static IEndpointRouteBuilder MapControllerRuntimeEndpoints(this IEndpointRouteBuilder app, ControllerRuntimeOptions options)
    {
        if (Parse(options.HealthProbeBindAddress) is { } probes)
        {
            OnPort(app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }), probes);
            OnPort(app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(CachesSyncedCheck.ReadinessTag) }), probes);
        }

        if (Parse(options.MetricsBindAddress) is { } metrics)
        {
            var registry = app.ServiceProvider.GetRequiredService<ControllerRuntimeMetrics>().Registry;
            OnPort(app.MapMetrics("/metrics", registry), metrics);
        }

        return app;
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

    // With a fixed port each endpoint answers only on its own listener; port 0 (tests) cannot be known in advance.
    private static void OnPort(IEndpointConventionBuilder endpoint, IPEndPoint address)
    {
        if (address.Port != 0)
        {
            endpoint.RequireHost($"*:{address.Port}");
        }
    }
}
