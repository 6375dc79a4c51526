using Prometheus;

namespace BackendStack.Operator.Runtime.Monitoring;

/// <summary>The workqueue_* series of one queue, named as client-go names them.</summary>
internal sealed class WorkQueueMetrics
{
    private readonly Gauge.Child depth;
    private readonly Counter.Child adds;
    private readonly Histogram.Child queueDuration;
    private readonly Histogram.Child workDuration;
    private readonly Counter.Child retries;
    private readonly Gauge.Child unfinishedWork;
    private readonly Gauge.Child longestRunning;

    internal WorkQueueMetrics(ControllerRuntimeMetrics metrics, string name)
    {
        depth = metrics.WorkQueueDepth.WithLabels(name);
        adds = metrics.WorkQueueAdds.WithLabels(name);
        queueDuration = metrics.WorkQueueQueueDuration.WithLabels(name);
        workDuration = metrics.WorkQueueWorkDuration.WithLabels(name);
        retries = metrics.WorkQueueRetries.WithLabels(name);
        unfinishedWork = metrics.WorkQueueUnfinishedWork.WithLabels(name);
        longestRunning = metrics.WorkQueueLongestRunningProcessor.WithLabels(name);
    }

    public void Added(int newDepth)
    {
        adds.Inc();
        depth.Set(newDepth);
    }

    public void Taken(int newDepth, TimeSpan waited)
    {
        depth.Set(newDepth);
        queueDuration.Observe(waited.TotalSeconds);
    }

    public void Finished(TimeSpan worked) => workDuration.Observe(worked.TotalSeconds);

    public void Retried() => retries.Inc();

    public void InFlight(TimeSpan total, TimeSpan longest)
    {
        unfinishedWork.Set(total.TotalSeconds);
        longestRunning.Set(longest.TotalSeconds);
    }
}
