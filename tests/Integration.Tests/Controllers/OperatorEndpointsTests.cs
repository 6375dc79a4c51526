using System.Net;

namespace BackendStack.Tests.Controllers;

/// <summary>--health-probe-bind-address and --metrics-bind-address on different addresses, or metrics turned off.</summary>
public sealed class OperatorEndpointsTests
{
    [Fact]
    public async Task ProbesAndMetricsOnTwoAddressesEachServeOnlyTheirOwnPaths()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var op = await cluster.StartOperatorAsync(o => o with { HealthProbeBindAddress = "127.0.0.1:0", MetricsBindAddress = "127.0.0.2:0" });
        var (probes, metrics) = (op.HttpAddresses[0], op.HttpAddresses[1]);
        Assert.Equal(("127.0.0.1", "127.0.0.2"), (probes.Host, metrics.Host));
        using var http = new HttpClient();

        // Ready once the caches have synced, which may be a moment after start.
        await Poll.UntilAsync(async () => (await http.GetAsync(new Uri(probes, "/readyz"))).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "/readyz to answer 200");
        Assert.Equal("ok", await http.GetStringAsync(new Uri(probes, "/healthz")));
        Assert.Contains("controller_runtime_max_concurrent_reconciles", await http.GetStringAsync(new Uri(metrics, "/metrics")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(probes, "/metrics"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(metrics, "/healthz"))).StatusCode);
    }

    [Fact]
    public async Task MetricsTurnedOffLeaveOnlyTheProbes()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var op = await cluster.StartOperatorAsync(o => o with { MetricsBindAddress = "0" });
        using var http = new HttpClient();

        var only = Assert.Single(op.HttpAddresses);
        Assert.Equal("ok", await http.GetStringAsync(new Uri(only, "/healthz")));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(only, "/metrics"))).StatusCode);
    }
}
