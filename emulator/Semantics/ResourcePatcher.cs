using System.Globalization;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Events;
using BackendStack.Emulator.Http;
using BackendStack.Emulator.Patch;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Semantics;

/// <summary>PATCH: applies the patch to the current object under the store lock and writes the result like an update.</summary>
internal static class ResourcePatcher
{
    /// <summary>Returns the stored object and whether it was created (server-side apply of a missing object).</summary>
    public static (StoredObject Object, bool Created) Patch(this ResourceService service, ResourceType type, string? ns, string name,
        string contentType, JsonNode? patch, string? subresource, WriteOptions options)
    {
        PatchTypes.Check(type, contentType);
        lock (service.Store.Sync)
        {
            var current = service.Store.Get(type.Store, ns, name);
            if (current is null)
            {
                if (contentType != PatchTypes.Apply || subresource is not null) throw StatusErrors.NotFound(type, name);
                var created = patch as JsonObject ?? throw StatusErrors.BadRequest("the apply configuration must be an object");
                Json.Meta(created)["name"] = name;
                return (service.Create(type, ns, created, options), true);
            }
            var view = ObjectView.Node(type, current);
            var patched = EventConversion.ToStored(type, PatchTypes.ApplyTo(type, contentType, view, patch));
            var rv = current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            if (Json.Str(patched, "metadata.resourceVersion") is { Length: > 0 } wanted && wanted != rv)
                throw StatusErrors.Conflict(type, name);
            if (Json.Str(patched, "metadata.name") != name)
                throw StatusErrors.BadRequest($"the name of the object ({Json.Str(patched, "metadata.name")}) does not match the name on the URL ({name})");
            return (service.Write(type, current, patched, subresource, options), false);
        }
    }
}
