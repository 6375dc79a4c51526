using Prometheus;

namespace BackendStack.Operator.Runtime.Monitoring;

/// <summary>
/// Every series the runtime exports, named and labelled as controller-runtime and client-go name them so existing
/// dashboards work. One instance per registry (one per operator instance, so two in-process instances stay apart).
/// </summary>
internal sealed class ControllerRuntimeMetrics
{
    private static readonly double[] ReconcileBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
         1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60];

    private static readonly double[] QueueBuckets = Histogram.ExponentialBuckets(10e-9, 10, 12);

    private readonly List<Action> beforeCollect = [];

    public ControllerRuntimeMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        var f = Prometheus.Metrics.WithCustomRegistry(registry);
        ReconcileTotal = f.CreateCounter("controller_runtime_reconcile_total", "Total number of reconciliations per controller", "controller", "result");
        ReconcileErrors = f.CreateCounter("controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller", "controller");
        TerminalReconcileErrors = f.CreateCounter("controller_runtime_terminal_reconcile_errors_total", "Total number of terminal reconciliation errors per controller", "controller");
        ReconcileTime = f.CreateHistogram("controller_runtime_reconcile_time_seconds", "Length of time per reconciliation per controller",
            new HistogramConfiguration { LabelNames = ["controller"], Buckets = ReconcileBuckets });
        MaxConcurrentReconciles = f.CreateGauge("controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller", "controller");
        ActiveWorkers = f.CreateGauge("controller_runtime_active_workers", "Number of currently used workers per controller", "controller");
        WorkQueueDepth = f.CreateGauge("workqueue_depth", "Current depth of workqueue", "name");
        WorkQueueAdds = f.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue", "name");
        WorkQueueQueueDuration = f.CreateHistogram("workqueue_queue_duration_seconds", "How long in seconds an item stays in workqueue before being requested",
            new HistogramConfiguration { LabelNames = ["name"], Buckets = QueueBuckets });
        WorkQueueWorkDuration = f.CreateHistogram("workqueue_work_duration_seconds", "How long in seconds processing an item from workqueue takes",
            new HistogramConfiguration { LabelNames = ["name"], Buckets = QueueBuckets });
        WorkQueueRetries = f.CreateCounter("workqueue_retries_total", "Total number of retries handled by workqueue", "name");
        WorkQueueUnfinishedWork = f.CreateGauge("workqueue_unfinished_work_seconds",
            "How many seconds of work has been done that is in progress and hasn't been observed by work_duration", "name");
        WorkQueueLongestRunningProcessor = f.CreateGauge("workqueue_longest_running_processor_seconds",
            "How many seconds has the longest running processor for workqueue been running", "name");
        LeaderElectionMasterStatus = f.CreateGauge("leader_election_master_status",
            "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master", "name");
        RestClientRequests = f.CreateCounter("rest_client_requests_total", "Number of HTTP requests, partitioned by status code, method, and host", "code", "method", "host");
        registry.AddBeforeCollectCallback(RunBeforeCollect);
    }

    public CollectorRegistry Registry { get; }

    public Counter ReconcileTotal { get; }

    public Counter ReconcileErrors { get; }

    public Counter TerminalReconcileErrors { get; }

    public Histogram ReconcileTime { get; }

    public Gauge MaxConcurrentReconciles { get; }

    public Gauge ActiveWorkers { get; }

    public Gauge WorkQueueDepth { get; }

    public Counter WorkQueueAdds { get; }

    public Histogram WorkQueueQueueDuration { get; }

    public Histogram WorkQueueWorkDuration { get; }

    public Counter WorkQueueRetries { get; }

    public Gauge WorkQueueUnfinishedWork { get; }

    public Gauge WorkQueueLongestRunningProcessor { get; }

    public Gauge LeaderElectionMasterStatus { get; }

    public Counter RestClientRequests { get; }

    public WorkQueueMetrics ForQueue(string name) => new(this, name);

    /// <summary>Registers a refresh of gauges that are computed rather than counted (queue in-flight times).</summary>
    public void OnCollect(Action refresh)
    {
        lock (beforeCollect)
        {
            beforeCollect.Add(refresh);
        }
    }

    private void RunBeforeCollect()
    {
        Action[] refreshes;
        lock (beforeCollect)
        {
            refreshes = [.. beforeCollect];
        }

        foreach (var refresh in refreshes)
        {
            refresh();
        }
    }
}
