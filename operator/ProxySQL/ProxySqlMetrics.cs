using Prometheus;

namespace BackendStack.Operator.ProxySQLs;

/// <summary>The operator's ProxySQL metrics, labelled by the ProxySQL's namespace and name, on the runtime's registry.</summary>
internal sealed class ProxySqlMetrics
{
    private static readonly string[] Labels = ["namespace", "name"];
    private static readonly string[] PoolLabels = ["namespace", "name", "pod", "hostgroup", "backend"];

    public ProxySqlMetrics(CollectorRegistry registry)
    {
        var f = Metrics.WithCustomRegistry(registry);
        WriterChanges = f.CreateCounter("backendstack_proxysql_writer_changes_total", "Times the ONLINE writer of the writer hostgroup changed.", new CounterConfiguration { LabelNames = Labels });
        AdminWrites = f.CreateCounter(
            "backendstack_proxysql_admin_writes_total", "Modules written through a pod's admin interface (LOAD ... TO RUNTIME).", new CounterConfiguration { LabelNames = Labels });
        BackendsOnline = f.CreateGauge("backendstack_proxysql_backends_online", "Backends ONLINE in runtime_mysql_servers (any hostgroup).", new GaugeConfiguration { LabelNames = Labels });
        PoolConnections = f.CreateGauge(
            "backendstack_proxysql_pool_connections", "Backend connections of a ProxySQL pod by state (used, free) from stats_mysql_connection_pool.",
            new GaugeConfiguration { LabelNames = [.. PoolLabels, "state"] });
        PoolConnectionErrors = f.CreateGauge(
            "backendstack_proxysql_pool_connection_errors", "ConnERR of stats_mysql_connection_pool: failed backend connects since the pod started.", new GaugeConfiguration { LabelNames = PoolLabels });
        QueriesRouted = f.CreateGauge(
            "backendstack_proxysql_queries_routed", "Queries a ProxySQL pod sent to a backend in a hostgroup since it started (stats_mysql_connection_pool).", new GaugeConfiguration { LabelNames = PoolLabels });
        PoolLatency = f.CreateGauge(
            "backendstack_proxysql_pool_latency_seconds", "ProxySQL's last measured ping latency to a backend (Latency_us).", new GaugeConfiguration { LabelNames = PoolLabels });
        PodsConfigured = f.CreateGauge("backendstack_proxysql_pods_configured", "ProxySQL pods whose runtime configuration is as desired.", new GaugeConfiguration { LabelNames = Labels });
    }

    public Counter WriterChanges { get; }

    public Counter AdminWrites { get; }

    public Gauge BackendsOnline { get; }

    public Gauge PodsConfigured { get; }

    public Gauge PoolConnections { get; }

    public Gauge PoolConnectionErrors { get; }

    public Gauge QueriesRouted { get; }

    public Gauge PoolLatency { get; }
}
