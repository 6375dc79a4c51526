using Prometheus;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>The operator's Galera metrics, labelled by the PerconaCluster's namespace and name, on the runtime's registry.</summary>
internal sealed class GaleraMetrics
{
    private static readonly string[] Labels = ["namespace", "name"];

    public GaleraMetrics(CollectorRegistry registry)
    {
        var f = Metrics.WithCustomRegistry(registry);
        ClusterSize = f.CreateGauge("backendstack_galera_cluster_size", "The largest wsrep_cluster_size a node of the cluster reports.", new GaugeConfiguration { LabelNames = Labels });
        NodesSynced = f.CreateGauge("backendstack_galera_nodes_synced", "Nodes Synced in a Primary component.", new GaugeConfiguration { LabelNames = Labels });
        FlowControlPaused = f.CreateGauge(
            "backendstack_galera_flow_control_paused_ratio", "The highest wsrep_flow_control_paused of the nodes: the share of time replication was paused.", new GaugeConfiguration { LabelNames = Labels });
        Recoveries = f.CreateCounter("backendstack_galera_recoveries_total", "Bootstraps after a full crash.", new CounterConfiguration { LabelNames = Labels });
        Evictions = f.CreateCounter(
            "backendstack_galera_evictions_total", "Dead nodes the operator evicted from the group (evs.evict) before Galera suspected them.", new CounterConfiguration { LabelNames = Labels });
    }

    public Gauge ClusterSize { get; }

    public Gauge NodesSynced { get; }

    public Gauge FlowControlPaused { get; }

    public Counter Recoveries { get; }

    public Counter Evictions { get; }
}
