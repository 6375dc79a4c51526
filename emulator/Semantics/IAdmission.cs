using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;

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
    void Stored(ResourceType type, JsonObject obj, bool deleted);
}
