using Prometheus;

namespace BackendStack.Operator.RedisFailovers.Follower;

/// <summary>
/// The operator's own Redis metrics, labelled by the RedisFailover's namespace and name. One instance per registry:
/// the runtime gives each operator instance its own (served on /metrics), so two instances in one process keep their own figures.
/// </summary>
internal sealed class RedisFailoverMetrics
{
    private static readonly string[] Labels = ["namespace", "name"];

    public RedisFailoverMetrics(CollectorRegistry registry)
    {
        var f = Metrics.WithCustomRegistry(registry);
        Failovers = f.CreateCounter(
            "backendstack_redis_failovers_total", "Sentinel failovers the operator followed (+switch-master).", new CounterConfiguration { LabelNames = Labels });
        FailoverReactionSeconds = f.CreateHistogram(
            "backendstack_redis_failover_reaction_seconds",
            "Time from Sentinel's +switch-master to the new master pod carrying the master role label.",
            new HistogramConfiguration { LabelNames = Labels, Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        SentinelsAgreeing = f.CreateGauge(
            "backendstack_redis_sentinels_agreeing", "Sentinels naming the master most of them name.", new GaugeConfiguration { LabelNames = Labels });
        MasterChanges = f.CreateCounter(
            "backendstack_redis_master_changes_total", "Times the master pod changed, by Sentinel failover or operator decision.", new CounterConfiguration { LabelNames = Labels });
    }

    public Counter Failovers { get; }

    public Histogram FailoverReactionSeconds { get; }

    public Gauge SentinelsAgreeing { get; }

    public Counter MasterChanges { get; }
}
