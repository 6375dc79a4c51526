using System.Text.Json;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Events;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Http;

/// <summary>An object as a given served type shows it: its apiVersion, and events.k8s.io field names for events.</summary>
internal static class ObjectView
{
    public static bool NeedsConversion(ResourceType type, StoredObject o) =>
        EventConversion.IsEventsV1(type) || (type.IsCustom && !SameApiVersion(type, o));

    public static ReadOnlyMemory<byte> Bytes(ResourceType type, StoredObject o) =>
        NeedsConversion(type, o) ? JsonSerializer.SerializeToUtf8Bytes(Node(type, o), Wire.Options) : o.Json;

    public static JsonObject Node(ResourceType type, StoredObject o)
    {
        var node = o.Clone();
        if (type.IsCustom) node["apiVersion"] = type.ApiVersion;
        return EventConversion.ToServed(type, node);
    }

    private static bool SameApiVersion(ResourceType type, StoredObject o)
    {
        // The serialized object starts with {"apiVersion":"..."; comparing the prefix avoids parsing it.
        var prefix = System.Text.Encoding.UTF8.GetBytes($"{{\"apiVersion\":\"{type.ApiVersion}\"");
        return o.Json.Span.StartsWith(prefix);
    }
}
