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
        if (!JsonNode.DeepEquals(DesiredState(type, old), DesiredState(type, next))) generation++;
        Json.Meta(next)["generation"] = generation;
    }

    /// <summary>For custom resources everything but metadata and status; for built-ins, spec.</summary>
    private static JsonObject DesiredState(ResourceType type, JsonObject obj)
    {
        var state = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is "metadata" or "status" or "apiVersion" or "kind") continue;
            if (!type.IsCustom && key != "spec") continue;
            state[key] = value?.DeepClone();
        }
        return state;
    }
}
