using Prometheus;

namespace BackendStack.Operator.RedisFailovers.Follower;

/// <summary>The operator's own Redis metrics, labelled by the RedisFailover's namespace and name.</summary>
internal static class RedisFailoverMetrics
{
    private static readonly string[] Labels = ["namespace", "name"];

    public static readonly Counter Failovers = Metrics.CreateCounter(
        "backendstack_redis_failovers_total", "Sentinel failovers the operator followed (+switch-master).", new CounterConfiguration { LabelNames = Labels });

    public static readonly Histogram FailoverReactionSeconds = Metrics.CreateHistogram(
        "backendstack_redis_failover_reaction_seconds",
        "Time from Sentinel's +switch-master to the new master pod carrying the master role label.",
        new HistogramConfiguration { LabelNames = Labels, Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    public static readonly Gauge SentinelsAgreeing = Metrics.CreateGauge(
        "backendstack_redis_sentinels_agreeing", "Sentinels naming the master most of them name.", new GaugeConfiguration { LabelNames = Labels });

    public static readonly Counter MasterChanges = Metrics.CreateCounter(
        "backendstack_redis_master_changes_total", "Times the master pod changed, by Sentinel failover or operator decision.", new CounterConfiguration { LabelNames = Labels });
}
