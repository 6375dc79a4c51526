namespace BackendStack.Emulator.Storage;

internal enum StoreEventType { Added, Modified, Deleted, Bookmark }

/// <summary>A change to one object (or a bookmark), in the order of the global resourceVersion.</summary>
internal sealed record StoreEvent(StoreEventType Type, string Store, StoredObject? Object, StoredObject? Previous, long Revision)
{
    public string WireType => Type switch
    {
        StoreEventType.Added => "ADDED",
        StoreEventType.Modified => "MODIFIED",
        StoreEventType.Deleted => "DELETED",
        _ => "BOOKMARK",
    };
}
