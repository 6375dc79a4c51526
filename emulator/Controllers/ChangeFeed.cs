using BackendStack.Emulator.Api;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// Runs a controller over every change after the call, one event at a time: the subscription is taken before the
/// returned task first yields, so the caller knows no later write is missed. A write that fails (the object
/// changed under the controller) is dropped: the change that caused the failure brings it back.
/// </summary>
internal static class ChangeFeed
{
    /// <param name="store">The store whose changes to follow.</param>
    /// <param name="handle">Called for each change, in order.</param>
    /// <param name="ct">Ends the feed.</param>
    /// <param name="seed">Reads the current objects atomically with the start of the feed, for state kept from the changes.</param>
    public static async Task RunAsync(ObjectStore store, Action<StoreEvent> handle, CancellationToken ct, Action? seed = null)
    {
        Subscription feed;
        lock (store.Sync)
        {
            seed?.Invoke();
            feed = store.Subscribe(null, store.Revision, null, droppable: false);
        }
        using var _ = feed;
        await foreach (var e in feed.Events.ReadAllAsync(ct))
        {
            try
            {
                handle(e);
            }
            catch (ApiStatusException)
            {
                // Retried on the next event that touches the object.
            }
        }
    }
}
