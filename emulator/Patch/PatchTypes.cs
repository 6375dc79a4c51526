using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Resources;

namespace BackendStack.Emulator.Patch;

/// <summary>Applies a PATCH body of a given media type to an object, or refuses the media type with 415.</summary>
internal static class PatchTypes
{
    public const string Json = "application/json-patch+json";
    public const string Merge = "application/merge-patch+json";
    public const string Strategic = "application/strategic-merge-patch+json";
    public const string Apply = "application/apply-patch+yaml";

    public static IReadOnlyList<string> Accepted(ResourceType type) =>
        type.IsCustom ? [Json, Merge, Apply] : [Json, Merge, Strategic, Apply];

    public static void Check(ResourceType type, string contentType)
    {
        if (!Accepted(type).Contains(contentType)) throw StatusErrors.UnsupportedMediaType(contentType, Accepted(type));
    }

    public static JsonObject ApplyTo(ResourceType type, string contentType, JsonObject current, JsonNode? patch)
    {
        Check(type, contentType);
        return contentType switch
        {
            Json => JsonPatch.Apply(current, patch),
            Merge => MergePatch.Apply(current, AsObject(patch)) as JsonObject ?? new JsonObject(),
            // Server-side apply is simplified to merging the applied configuration into the live object.
            _ when type.IsCustom => MergePatch.Apply(current, AsObject(patch)) as JsonObject ?? new JsonObject(),
            _ => StrategicMergePatch.Apply(current, AsObject(patch)),
        };
    }

    private static JsonObject AsObject(JsonNode? patch) =>
        patch as JsonObject ?? throw StatusErrors.BadRequest("the patch must be a JSON object");
}
