using System.Text.Json.Nodes;

namespace BackendStack.Emulator.Patch;

/// <summary>RFC 7386 JSON Merge Patch (application/merge-patch+json): objects merge, null deletes, the rest replaces.</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject p) return patch?.DeepClone();
        var result = target is JsonObject t ? t.DeepClone().AsObject() : new JsonObject();
        foreach (var (key, value) in p)
        {
            if (value is null) result.Remove(key);
            else result[key] = Apply(result[key], value);
        }
        return result;
    }
}
