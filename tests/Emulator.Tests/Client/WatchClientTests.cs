using System.Threading.Channels;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Models;

namespace BackendStack.Emulator.Tests.Client;

/// <summary>List-then-watch through the real KubernetesClient: ordering, bookmarks, 410 Expired, dropped watches.</summary>
public sealed class WatchClientTests
{
    [Fact]
    public async Task WatchFromListResourceVersionSeesChangesInOrderWithBookmarks()
    {
        await using var scope = await EmulatorScope.StartAsync(new EmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) });
        var client = scope.Client;
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("before"), "default");
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default");
        var events = Channel.CreateUnbounded<(WatchEventType Type, V1ConfigMap Object)>();
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in client.CoreV1.WatchListNamespacedConfigMapAsync("default", allowWatchBookmarks: true,
                resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 20, cancellationToken: stop.Token))
                events.Writer.TryWrite(e);
        });
        await WaitUntilAsync(() => scope.Host.Requests.Count("watch", "configmaps") == 1);

        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c1"), "default");
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"v2"}}""", V1Patch.PatchType.MergePatch), "c1", "default");
        await client.CoreV1.DeleteNamespacedConfigMapAsync("c1", "default");

        var seen = new List<(WatchEventType, string)>();
        var bookmarks = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (seen.Count < 3 || bookmarks == 0)
        {
            var (type, obj) = await events.Reader.ReadAsync(timeout.Token);
            if (type == WatchEventType.Bookmark) bookmarks++;
            else seen.Add((type, obj.Metadata.Name));
        }
        Assert.Equal([(WatchEventType.Added, "c1"), (WatchEventType.Modified, "c1"), (WatchEventType.Deleted, "c1")], seen);
        await stop.CancelAsync();
        await watching.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [Fact]
    public async Task WatchFromExpiredResourceVersionDeliversGoneToOnError()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default");
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c1"), "default");
        scope.Host.Faults.ExpireWatchHistory();

        var errors = Channel.CreateUnbounded<Exception>();
        var events = 0;
        await foreach (var _ in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: list.Metadata.ResourceVersion,
            timeoutSeconds: 5, onError: e => errors.Writer.TryWrite(e)))
            events++;
        Assert.Equal(0, events);
        Assert.True(errors.Reader.TryRead(out var error));
        var status = Assert.IsType<KubernetesException>(error).Status;
        Assert.Equal(410, status.Code);
        Assert.Equal("Expired", status.Reason);
    }

    [Fact]
    public async Task DroppedWatchEndsAndResumesWithoutLosingChanges()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default");
        var seen = 0;
        var watching = Task.Run(async () =>
        {
            await foreach (var _ in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 20))
                Interlocked.Increment(ref seen);
        });
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("first"), "default");
        await WaitUntilAsync(() => Volatile.Read(ref seen) == 1);
        list = await client.CoreV1.ListNamespacedConfigMapAsync("default");
        scope.Host.Faults.DropAllWatches();
        await watching.WaitAsync(TimeSpan.FromSeconds(10));

        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("while-down"), "default");
        var names = new List<string>();
        await foreach (var (type, cm) in client.CoreV1.WatchListNamespacedConfigMapAsync("default",
            resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 1))
            names.Add($"{type}:{cm.Metadata.Name}");
        Assert.Equal(["Added:while-down"], names);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }

    private static V1ConfigMap ConfigMap(string name) =>
        new() { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["k"] = "v" } };
}
