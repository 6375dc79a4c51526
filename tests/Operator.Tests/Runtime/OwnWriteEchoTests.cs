using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BackendStack.Tests.Runtime;

/// <summary>The watch's echo of a write this process recorded, and the handlers that choose not to hear it.</summary>
public sealed class OwnWriteEchoTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void OnlyTheVersionThisProcessWroteIsItsOwnWrite()
    {
        var cache = new ObjectCache<V1ConfigMap>(time);
        cache.Upsert(ScriptedClient.Map("other", "3"), out var unrecorded);
        cache.RecordWrite(ScriptedClient.Map("a", "5"));

        cache.Upsert(ScriptedClient.Map("a", "5"), out var echo);
        cache.Upsert(ScriptedClient.Map("a", "6"), out var later);

        Assert.False(unrecorded);
        Assert.True(echo);
        Assert.False(later);
        Assert.Equal("6", cache.Get(new ObjectKey("ns", "a"))!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task AHandlerThatDoesNotWantOwnWritesHearsOnlyTheChangesOthersMade()
    {
        var client = new ScriptedClient();
        client.ListAnswers.Enqueue(() => new ResourcePage<V1ConfigMap>([], "1", null));
        client.WatchAnswers.Enqueue(_ => ScriptedClient.Events(
            (WatchEventType.Added, ScriptedClient.Map("a", "5")),
            (WatchEventType.Modified, ScriptedClient.Map("a", "6"))));
        var informer = new Informer<V1ConfigMap>(client, new InformerOptions { ResyncPeriod = TimeSpan.Zero }, time, NullLogger.Instance);
        var everything = new Recorder(wantsOwnWrites: true);
        var othersOnly = new Recorder(wantsOwnWrites: false);
        informer.AddHandler(everything);
        informer.AddHandler(othersOnly);
        informer.Cache.RecordWrite(ScriptedClient.Map("a", "5"));

        using var stop = new CancellationTokenSource();
        _ = Task.Run(() => informer.RunAsync(stop.Token), CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (everything.Seen.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        Assert.Equal(["add a@5", "update a@6"], everything.Seen);
        Assert.Equal(["update a@6"], othersOnly.Seen);
    }

    private sealed class Recorder(bool wantsOwnWrites) : IResourceEventHandler<V1ConfigMap>
    {
        public List<string> Seen { get; } = [];

        public bool WantsOwnWrites => wantsOwnWrites;

        public void OnAdd(V1ConfigMap obj) => Seen.Add($"add {obj.Metadata.Name}@{obj.Metadata.ResourceVersion}");

        public void OnUpdate(V1ConfigMap oldObj, V1ConfigMap newObj) => Seen.Add($"update {newObj.Metadata.Name}@{newObj.Metadata.ResourceVersion}");

        public void OnDelete(V1ConfigMap obj) => Seen.Add($"delete {obj.Metadata.Name}@{obj.Metadata.ResourceVersion}");
    }
}
