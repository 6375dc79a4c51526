using BackendStack.PodRuntime;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// One runtime per test with short intervals, a unique root directory and unique Pod IPs, stopped
/// and removed on dispose whatever the test did.
/// </summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private static int nextAddress = Random.Shared.Next(0, 50) * 250;

    public RuntimeHarness()
    {
        Root = Directory.CreateTempSubdirectory("podruntime-test-").FullName;
        Cluster = new InMemoryCluster();
        Sink = new RecordingStatusSink(Cluster);
        Runtime = new LocalPodRuntime(
            new LocalPodRuntimeOptions
            {
                RootDirectory = Root,
                SyncInterval = TimeSpan.FromMilliseconds(200),
                RestartBackoffInitial = TimeSpan.FromMilliseconds(200),
                RestartBackoffMax = TimeSpan.FromSeconds(1),
            },
            Cluster,
            Sink);
        Runtime.Start();
    }

    public string Root { get; }

    public InMemoryCluster Cluster { get; }

    public RecordingStatusSink Sink { get; }

    public LocalPodRuntime Runtime { get; }

    /// <summary>A loopback address of the 127.77.0.0/16 range, distinct per Pod across the test run.</summary>
    public static string NextPodIP()
    {
        var n = Interlocked.Increment(ref nextAddress);
        return $"127.77.{n / 250 % 250}.{n % 250 + 2}";
    }

    /// <summary>Stores and runs a Pod, with a fresh uid and Pod IP.</summary>
    public PodKey Run(V1Pod pod)
    {
        pod.Metadata.NamespaceProperty ??= "test";
        pod.Metadata.Uid ??= Guid.NewGuid().ToString();
        pod.Status ??= new V1PodStatus();
        pod.Status.PodIP ??= NextPodIP();
        Cluster.Put(pod);
        Sink.Forget(PodKey.Of(pod));
        Assert.True(Runtime.RunPod(pod));
        return PodKey.Of(pod);
    }

    public Task<V1PodStatus> WaitReadyAsync(PodKey pod, TimeSpan? timeout = null) =>
        Sink.WaitForAsync(pod, s => s.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true, timeout);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Runtime.DisposeAsync();
        }
        finally
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
