using BackendStack.Emulator.Api;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// Runs a controller over every change after now, one event at a time. A write that fails (the object
/// changed under the controller) is dropped: the change that caused the failure brings it back.
/// </summary>
internal static class ChangeFeed
{
    public static async Task RunAsync(ObjectStore store, Action<StoreEvent> handle, CancellationToken ct)
    {
        using var feed = store.Subscribe(null, store.Revision, null, droppable: false);
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
