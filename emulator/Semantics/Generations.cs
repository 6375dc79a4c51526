using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Semantics;

/// <summary>metadata.generation: 1 on create, +1 on each change of the desired state (never for status or metadata).</summary>
internal static class Generations
{
    private static readonly HashSet<string> TrackedGroups = ["apps", "batch", "policy", "autoscaling", "apiextensions.k8s.io"];

    public static bool Tracked(ResourceType type) => type.IsCustom || TrackedGroups.Contains(type.Group);

    public static void Advance(ResourceType type, JsonObject old, JsonObject next)
    {
        if (!Tracked(type)) return;
        var generation = Json.Long(old, "metadata.generation") ?? 1;
        if (!SameDesiredState(type, old, next)) generation++;
        Json.Meta(next)["generation"] = generation;
    }

    /// <summary>Compared in place, field by field, without copying either object.</summary>
    private static bool SameDesiredState(ResourceType type, JsonObject a, JsonObject b) =>
        a.Select(kv => kv.Key).Concat(b.Select(kv => kv.Key)).Where(key => IsDesiredState(type, key)).Distinct()
            .All(key => a.ContainsKey(key) == b.ContainsKey(key) && JsonNode.DeepEquals(a[key], b[key]));

    /// <summary>For custom resources everything but metadata and status; for built-ins, spec.</summary>
    private static bool IsDesiredState(ResourceType type, string key) =>
        key is not ("metadata" or "status" or "apiVersion" or "kind") && (type.IsCustom || key == "spec");
}
