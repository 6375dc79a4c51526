using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Semantics;

/// <summary>metadata.finalizers: what holds an object after DELETE, and the rule that none may be added then.</summary>
internal static class Finalizers
{
    public const string Foreground = "foregroundDeletion";
    public const string Orphan = "orphan";

    public static List<string> Of(JsonObject obj) =>
        Json.At(obj, "metadata.finalizers") is JsonArray a ? [.. a.Select(n => n?.GetValue<string>() ?? "")] : [];

    public static void CheckNoneAdded(ResourceType type, JsonObject old, JsonObject next)
    {
        if (Json.Str(old, "metadata.deletionTimestamp") is null) return;
        var added = Of(next).Except(Of(old)).ToList();
        if (added.Count == 0) return;
        var name = Json.Str(old, "metadata.name") ?? "";
        throw StatusErrors.Invalid(type, name, [FieldError.Forbidden("metadata.finalizers",
            $"no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(a => $"\"{a}\""))}}}")]);
    }

    public static void Set(JsonObject obj, IEnumerable<string> finalizers)
    {
        var list = finalizers.ToList();
        var meta = Json.Meta(obj);
        if (list.Count == 0) meta.Remove("finalizers");
        else meta["finalizers"] = new JsonArray([.. list.Select(f => (JsonNode)f)]);
    }
}
