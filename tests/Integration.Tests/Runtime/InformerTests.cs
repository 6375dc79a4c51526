using BackendStack.Emulator;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Informers;
using BackendStack.Tests.Controllers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackendStack.Tests.Runtime;

/// <summary>The informer against the emulator: pagination, resuming, relisting on 410, bookmarks, the watchdog, resync.</summary>
public sealed class InformerTests : IAsyncDisposable
{
    private const string Ns = "inf";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource stop = new();
    private EmulatorHost emulator = null!;
    private Kubernetes client = null!;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        client.Dispose();
        await emulator.DisposeAsync();
        stop.Dispose();
    }

    [Fact]
    public async Task ItListsInPagesThenWatchesFromTheListsResourceVersion()
    {
        await StartAsync();
        await CreateAsync(Enumerable.Range(0, 25).Select(i => $"cm-{i}"));
        var (informer, handler) = Run(new InformerOptions { Namespace = Ns, PageSize = 10 });

        await informer.WaitForSyncAsync(stop.Token).WaitAsync(Timeout);
        Assert.Equal(25, informer.Cache.List(Ns).Count);
        Assert.Equal(3, emulator.Requests.Count("list", "configmaps"));
        Assert.Equal(25, handler.Added.Count);

        await CreateAsync(["late"]);
        await Poll.UntilAsync(() => informer.Cache.Get(new(Ns, "late")) is not null, Timeout, "late arrives through the watch");
        Assert.Equal(3, emulator.Requests.Count("list", "configmaps"));
        Assert.Contains("late", handler.Added);
    }

    [Fact]
    public async Task DroppedWatchesResumeFromTheLastResourceVersionWithoutRelisting()
    {
        await StartAsync();
        var (informer, _) = Run(new InformerOptions { Namespace = Ns });
        await informer.WaitForSyncAsync(stop.Token).WaitAsync(Timeout);

        for (var i = 0; i < 4; i++)
        {
            emulator.Faults.DropAllWatches();
            await CreateAsync([$"between-{i}"]);
        }

        await Poll.UntilAsync(() => informer.Cache.List(Ns).Count == 4, Timeout, "every object made between drops");
        Assert.Equal(1, informer.ListCount);
        Assert.True(emulator.Requests.Count("watch", "configmaps") >= 2);
    }

    [Fact]
    public async Task ExpiredHistoryMakesItListAgainAndNoticeWhatWasDeletedMeanwhile()
    {
        await StartAsync();
        await CreateAsync(["doomed", "kept"]);
        var (informer, handler) = Run(new InformerOptions { Namespace = Ns });
        await informer.WaitForSyncAsync(stop.Token).WaitAsync(Timeout);

        emulator.Faults.ExpireWatchHistory();
        emulator.Faults.DropAllWatches();
        await client.CoreV1.DeleteNamespacedConfigMapAsync("doomed", Ns);
        await CreateAsync(["born"]);

        await Poll.UntilAsync(() => informer.Cache.Get(new(Ns, "born")) is not null && informer.Cache.Get(new(Ns, "doomed")) is null, Timeout, "cache caught up");
        Assert.Contains("doomed", handler.Deleted);
        Assert.NotNull(informer.Cache.Get(new(Ns, "kept")));
    }

    [Fact]
    public async Task BookmarksMoveTheResourceVersionOfAQuietKindForward()
    {
        await StartAsync(new EmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) });
        var (informer, _) = Run(new InformerOptions { Namespace = Ns });
        await informer.WaitForSyncAsync(stop.Token).WaitAsync(Timeout);
        var listed = ulong.Parse(informer.LastResourceVersion!, System.Globalization.CultureInfo.InvariantCulture);

        var secret = await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "elsewhere" } }, Ns);
        var written = ulong.Parse(secret.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);

        await Poll.UntilAsync(() => ulong.Parse(informer.LastResourceVersion!, System.Globalization.CultureInfo.InvariantCulture) >= written, Timeout,
            "a bookmark past the secret's version");
        Assert.True(written > listed);
        Assert.Empty(informer.Cache.List(Ns));
    }

    [Fact]
    public async Task TheWatchdogReopensAWatchThatStaysSilent()
    {
        await StartAsync(new EmulatorOptions { BookmarkInterval = TimeSpan.FromHours(1) });
        var (informer, _) = Run(new InformerOptions { Namespace = Ns, WatchdogTimeout = TimeSpan.FromMilliseconds(400) });
        await informer.WaitForSyncAsync(stop.Token).WaitAsync(Timeout);

        await Poll.UntilAsync(() => emulator.Requests.Count("watch", "configmaps") >= 3, Timeout, "watch reopened twice");
        Assert.Equal(1, informer.ListCount);
        await CreateAsync(["still-seen"]);
        await Poll.UntilAsync(() => informer.Cache.Get(new(Ns, "still-seen")) is not null, Timeout, "object after reopening");
    }

    [Fact]
    public async Task ResyncHandsEveryCachedObjectToTheHandlersAgain()
    {
        await StartAsync();
        await CreateAsync(["a", "b"]);
        var (informer, handler) = Run(new InformerOptions { Namespace = Ns, ResyncPeriod = TimeSpan.FromMilliseconds(200) });
        await informer.WaitForSyncAsync(stop.Token).WaitAsync(Timeout);

        await Poll.UntilAsync(() => handler.Updated.Count(n => n == "a") >= 2 && handler.Updated.Count(n => n == "b") >= 2, Timeout, "two resyncs");
    }

    private async Task StartAsync(EmulatorOptions? options = null)
    {
        emulator = await EmulatorHost.StartAsync(options ?? new EmulatorOptions { BuiltInControllers = false });
        client = new Kubernetes(emulator.CreateClientConfiguration());
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } });
        emulator.Requests.Reset();
    }

    private async Task CreateAsync(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, Ns);
        }
    }

    private (Informer<V1ConfigMap> Informer, RecordingHandler Handler) Run(InformerOptions options)
    {
        var informer = new Informer<V1ConfigMap>(BuiltInResources.ConfigMaps(client), options, TimeProvider.System, NullLogger.Instance);
        var handler = new RecordingHandler();
        informer.AddHandler(handler);
        _ = Task.Run(() => informer.RunAsync(stop.Token));
        return (informer, handler);
    }
}
