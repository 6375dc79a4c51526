using System.Threading.Channels;

namespace BackendStack.Emulator.Storage;

/// <summary>
/// A live feed of store events for one store (or all), filtered by a predicate evaluated under the
/// store's lock. Events arrive in resourceVersion order; the reader completes when the feed is dropped.
/// </summary>
internal sealed class Subscription : IDisposable
{
    private readonly Channel<StoreEvent> channel = Channel.CreateUnbounded<StoreEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly ObjectStore owner;

    internal Subscription(ObjectStore owner, string? store, Func<StoredObject, bool>? filter, bool droppable)
    {
        this.owner = owner;
        Store = store;
        Filter = filter ?? (_ => true);
        Droppable = droppable;
    }

    public ChannelReader<StoreEvent> Events => channel.Reader;
    internal string? Store { get; }
    internal Func<StoredObject, bool> Filter { get; }

    /// <summary>HTTP watches are dropped by fault injection; in-process controllers keep theirs.</summary>
    internal bool Droppable { get; }

    internal void Deliver(StoreEvent e) => channel.Writer.TryWrite(e);

    internal void Complete() => channel.Writer.TryComplete();

    /// <summary>
    /// Translates a change into what this subscriber sees: an object that stops matching the filter
    /// is DELETED for it, one that starts matching is ADDED, as in kube-apiserver's watch cache.
    /// </summary>
    internal void Offer(StoreEvent e)
    {
        if (Store is not null && e.Store != Store) return;
        if (e.Type == StoreEventType.Bookmark) return;
        var now = e.Object is not null && e.Type != StoreEventType.Deleted && Filter(e.Object);
        var before = e.Previous is not null && Filter(e.Previous);
        if (e.Type == StoreEventType.Deleted) now = false;
        if (e.Type == StoreEventType.Deleted && e.Object is not null) before = Filter(e.Object) || before;
        if (now && before) Deliver(e);
        else if (now) Deliver(e with { Type = StoreEventType.Added });
        else if (before) Deliver(e with { Type = StoreEventType.Deleted, Object = e.Type == StoreEventType.Deleted ? e.Object : e.Object ?? e.Previous });
    }

    public void Dispose()
    {
        owner.Unsubscribe(this);
        Complete();
    }
}
