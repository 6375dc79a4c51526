using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BackendStack.Tests.Runtime;

/// <summary>The informer's decisions on a scripted API: where it resumes, when it relists, how long it backs off.</summary>
public sealed class InformerRecoveryTests
{
    private readonly FakeTimeProvider time = new();
    private readonly ScriptedClient client = new();

    [Fact]
    public async Task AnEndedWatchResumesFromTheLastEventsVersionIncludingBookmarks()
    {
        client.ListAnswers.Enqueue(() => new ResourcePage<V1ConfigMap>([ScriptedClient.Map("a", "10")], "10", null));
        client.WatchAnswers.Enqueue(_ => ScriptedClient.Events(
            (WatchEventType.Added, ScriptedClient.Map("b", "11")),
            (WatchEventType.Bookmark, ScriptedClient.Map(string.Empty, "15"))));

        using var stop = new CancellationTokenSource();
        var informer = Start(stop.Token);

        await WaitAsync(() => client.WatchedFrom.Count == 2);
        Assert.Equal(["10", "15"], client.WatchedFrom);
        Assert.Equal(1, client.Lists);
        Assert.NotNull(informer.Cache.Get(new("ns", "b")));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task A410ErrorEventMakesItListAgain()
    {
        client.ListAnswers.Enqueue(() => new ResourcePage<V1ConfigMap>([ScriptedClient.Map("a", "10")], "10", null));
        client.ListAnswers.Enqueue(() => new ResourcePage<V1ConfigMap>([ScriptedClient.Map("c", "30")], "30", null));
        client.WatchAnswers.Enqueue(onError => Expired(onError));

        using var stop = new CancellationTokenSource();
        var informer = Start(stop.Token);

        await WaitAsync(() => client.Lists == 2 && client.WatchedFrom.Count == 2);
        Assert.Equal(["10", "30"], client.WatchedFrom);
        Assert.Null(informer.Cache.Get(new("ns", "a")));
        Assert.NotNull(informer.Cache.Get(new("ns", "c")));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task ABrokenWatchIsReopenedAfterABackoffOnTheClock()
    {
        client.ListAnswers.Enqueue(() => new ResourcePage<V1ConfigMap>([], "10", null));
        client.WatchAnswers.Enqueue(_ => Broken());

        using var stop = new CancellationTokenSource();
        Start(stop.Token);

        await WaitAsync(() => client.WatchedFrom.Count == 1);
        await Task.Delay(100);
        Assert.Single(client.WatchedFrom);

        // The first backoff is 800 ms to 960 ms.
        time.Advance(TimeSpan.FromMilliseconds(961));
        await WaitAsync(() => client.WatchedFrom.Count == 2);
        Assert.Equal(1, client.Lists);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task AContinueTokenIsFollowedToTheLastPage()
    {
        client.ListAnswers.Enqueue(() => new ResourcePage<V1ConfigMap>([ScriptedClient.Map("a", "5")], "20", "next"));
        client.ListAnswers.Enqueue(() => new ResourcePage<V1ConfigMap>([ScriptedClient.Map("b", "6")], "20", null));

        using var stop = new CancellationTokenSource();
        var informer = Start(stop.Token);

        await informer.WaitForSyncAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, informer.Cache.Count);
        await WaitAsync(() => client.WatchedFrom.Count == 1);
        Assert.Equal("20", client.WatchedFrom[0]);
        await stop.CancelAsync();
    }

    private static async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> Expired(Action<Exception> onError)
    {
        await Task.Yield();
        onError(new KubernetesException(new V1Status { Code = 410, Reason = "Expired", Message = "too old resource version" }));
        yield break;
    }

    private static async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> Broken()
    {
        await Task.Yield();
        throw new IOException("connection reset");
#pragma warning disable CS0162 // An iterator needs a yield to be one.
        yield break;
#pragma warning restore CS0162
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private Informer<V1ConfigMap> Start(CancellationToken cancellationToken)
    {
        var informer = new Informer<V1ConfigMap>(client, new InformerOptions { ResyncPeriod = TimeSpan.Zero }, time, NullLogger.Instance, new Random(3));
        _ = Task.Run(() => informer.RunAsync(cancellationToken), CancellationToken.None);
        return informer;
    }
}
