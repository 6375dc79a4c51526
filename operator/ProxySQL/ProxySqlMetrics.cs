using Prometheus;

namespace BackendStack.Operator.ProxySQLs;

/// <summary>The operator's ProxySQL metrics, labelled by the ProxySQL's namespace and name, on the runtime's registry.</summary>
internal sealed class ProxySqlMetrics
{
    private static readonly string[] Labels = ["namespace", "name"];

    public ProxySqlMetrics(CollectorRegistry registry)
    {
        var f = Metrics.WithCustomRegistry(registry);
        WriterChanges = f.CreateCounter("backendstack_proxysql_writer_changes_total", "Times the ONLINE writer of the writer hostgroup changed.", new CounterConfiguration { LabelNames = Labels });
        AdminWrites = f.CreateCounter(
            "backendstack_proxysql_admin_writes_total", "Modules written through a pod's admin interface (LOAD ... TO RUNTIME).", new CounterConfiguration { LabelNames = Labels });
        BackendsOnline = f.CreateGauge("backendstack_proxysql_backends_online", "Backends ONLINE in runtime_mysql_servers (any hostgroup).", new GaugeConfiguration { LabelNames = Labels });
        PodsConfigured = f.CreateGauge("backendstack_proxysql_pods_configured", "ProxySQL pods whose runtime configuration is as desired.", new GaugeConfiguration { LabelNames = Labels });
    }

    public Counter WriterChanges { get; }

    public Counter AdminWrites { get; }

    public Gauge BackendsOnline { get; }

    public Gauge PodsConfigured { get; }
}
