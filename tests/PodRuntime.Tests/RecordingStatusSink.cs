using System.Collections.Concurrent;
using BackendStack.PodRuntime;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>Keeps every status the runtime reports and writes the latest into the cluster's Pod, as the API would.</summary>
internal sealed class RecordingStatusSink(InMemoryCluster cluster) : IPodStatusSink
{
    private readonly ConcurrentDictionary<PodKey, V1PodStatus> latest = new();

    public ConcurrentQueue<(PodKey Pod, V1PodStatus Status)> Reports { get; } = new();

    public Task ReportAsync(PodKey pod, string uid, V1PodStatus status, CancellationToken cancellationToken)
    {
        Reports.Enqueue((pod, status));
        latest[pod] = status;
        if (cluster.ListPods().FirstOrDefault(p => PodKey.Of(p) == pod && p.Metadata.Uid == uid) is { } stored)
        {
            stored.Status = status;
        }

        return Task.CompletedTask;
    }

    /// <summary>Drops what was reported for an earlier Pod of the same name.</summary>
    public void Forget(PodKey pod) => latest.TryRemove(pod, out _);

    public V1PodStatus? Latest(PodKey pod) => latest.TryGetValue(pod, out var status) ? status : null;

    /// <summary>Polls the latest reported status until <paramref name="condition"/> holds; fails with the last status seen.</summary>
    public async Task<V1PodStatus> WaitForAsync(PodKey pod, Func<V1PodStatus, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Latest(pod) is { } status && condition(status))
            {
                return status;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"timed out waiting for pod {pod}; last status: {(Latest(pod) is { } last ? k8s.KubernetesJson.Serialize(last) : "none")}");
        return null!;
    }
}
