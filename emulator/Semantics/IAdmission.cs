using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Semantics;

/// <summary>
/// A step every write of an object goes through before it is stored (defaulting, validation, CRD
/// bookkeeping). It may change the object and throws an ApiStatusException to reject the write.
/// </summary>
internal interface IAdmission
{
    void Admit(ResourceType type, JsonObject obj, JsonObject? old, WriteOptions options);
}

/// <summary>Reacts after a write is stored (registering a CRD's kinds, for example).</summary>
internal interface IStoredHook
{
    /// <param name="type">The kind written.</param>
    /// <param name="obj">The object as stored (or as it was when removed); shared, so <see cref="StoredObject.Clone"/> it to change it.</param>
    /// <param name="deleted">Whether the write removed the object.</param>
    void Stored(ResourceType type, StoredObject obj, bool deleted);
}
