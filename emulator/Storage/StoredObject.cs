using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackendStack.Emulator.Storage;

/// <summary>
/// One version of one object. Immutable: the serialized form is shared by every reader and watcher,
/// and callers that want to change it get their own copy from <see cref="Clone"/>.
/// </summary>
internal sealed class StoredObject
{
    internal StoredObject(JsonObject node, long resourceVersion)
    {
        Json = JsonSerializer.SerializeToUtf8Bytes(node, Wire.Options);
        ResourceVersion = resourceVersion;
        var meta = node["metadata"] as JsonObject;
        Namespace = meta?["namespace"]?.GetValue<string>() ?? "";
        Name = meta?["name"]?.GetValue<string>() ?? "";
        Uid = meta?["uid"] is JsonValue uid && uid.GetValueKind() == JsonValueKind.String ? uid.GetValue<string>() : null;
        OwnerUids = meta?["ownerReferences"] is JsonArray refs
            ? [.. refs.Select(r => r?["uid"]).OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())]
            : [];
        // Parsed back from the bytes, so every number and string reads the same way wherever it came from.
        View = JsonNode.Parse(Json.Span)!.AsObject();
        Materialize(View);
    }

    /// <summary>Parsed JSON nodes build their children lazily; building them now makes concurrent reads safe.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var kv in o) Materialize(kv.Value);
                break;
            case JsonArray a:
                foreach (var item in a) Materialize(item);
                break;
        }
    }

    public ReadOnlyMemory<byte> Json { get; }
    public long ResourceVersion { get; }
    public string Namespace { get; }
    public string Name { get; }
    public string? Uid { get; }

    /// <summary>The uids of every ownerReference, read once so owner lookups need not parse the object.</summary>
    public IReadOnlyList<string> OwnerUids { get; }

    /// <summary>The parsed object, shared and therefore read only.</summary>
    internal JsonObject View { get; }

    /// <summary>A private, mutable copy.</summary>
    public JsonObject Clone() => JsonNode.Parse(Json.Span)!.AsObject();

    internal string Key => ObjectKey.Of(Namespace, Name);
}
