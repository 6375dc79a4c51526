using BackendStack.Emulator.Api;
using BackendStack.Emulator.Storage;
using Microsoft.Extensions.Logging;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// Runs a controller over every change after the call, one event at a time: the subscription is taken before the
/// returned task first yields, so the caller knows no later write is missed. A write that fails (the object
/// changed under the controller) is dropped, at debug level in the log: the change that caused the failure brings
/// it back.
/// </summary>
internal static partial class ChangeFeed
{
    /// <param name="store">The store whose changes to follow.</param>
    /// <param name="handle">Called for each change, in order.</param>
    /// <param name="logger">Where dropped writes are told (debug).</param>
    /// <param name="ct">Ends the feed.</param>
    /// <param name="seed">Reads the current objects atomically with the start of the feed, for state kept from the changes.</param>
    public static async Task RunAsync(ObjectStore store, Action<StoreEvent> handle, ILogger logger, CancellationToken ct, Action? seed = null)
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
            catch (ApiStatusException error)
            {
                // Safe to drop: whatever made the write fail (a newer version, a delete, a name taken) is itself a
                // change, and its event reconciles the object again from what is stored then.
                LogDropped(logger, e.Type, e.Store, e.Object?.Namespace, e.Object?.Name, error.Code, error.Reason, error.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "handling {Type} of {Store} {Namespace}/{Name} failed with {Code} {Reason} ({Error}); dropped, the change behind the failure brings it back")]
    private static partial void LogDropped(ILogger logger, StoreEventType type, string store, string? @namespace, string? name, int code, string reason, string error);
}
