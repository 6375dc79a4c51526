using Prometheus;

namespace BackendStack.Operator.GlusterVolumes;

/// <summary>The operator's GlusterFS metrics, labelled by the GlusterVolume's namespace and name (and a brick's pod), on the runtime's registry.</summary>
internal sealed class GlusterMetrics
{
    private static readonly string[] Labels = ["namespace", "name"];
    private static readonly string[] BrickLabels = ["namespace", "name", "pod"];

    public GlusterMetrics(CollectorRegistry registry)
    {
        var f = Metrics.WithCustomRegistry(registry);
        BricksOnline = f.CreateGauge("backendstack_gluster_bricks_online", "Bricks of the volume whose glusterfsd is online.", new GaugeConfiguration { LabelNames = Labels });
        HealPending = f.CreateGauge(
            "backendstack_gluster_heal_pending_entries", "Entries waiting to be healed, summed over the bricks (volume heal info summary).", new GaugeConfiguration { LabelNames = Labels });
        BrickFree = f.CreateGauge("backendstack_gluster_brick_free_bytes", "Free bytes of a brick's file system (volume status detail).", new GaugeConfiguration { LabelNames = BrickLabels });
        BrickTotal = f.CreateGauge("backendstack_gluster_brick_total_bytes", "Bytes of a brick's file system (volume status detail).", new GaugeConfiguration { LabelNames = BrickLabels });
        BrickRestarts = f.CreateCounter(
            "backendstack_gluster_brick_restarts_total", "Times the operator restarted offline bricks with volume start force.", new CounterConfiguration { LabelNames = Labels });
    }

    public Gauge BricksOnline { get; }

    public Gauge HealPending { get; }

    public Gauge BrickFree { get; }

    public Gauge BrickTotal { get; }

    public Counter BrickRestarts { get; }
}
