using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Patch;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Http;

/// <summary>The autoscaling/v1 Scale subresource: a view of a workload's (or custom resource's) replicas.</summary>
internal static class Scale
{
    public static JsonObject Of(ResourceType type, StoredObject stored)
    {
        var o = stored.View;
        var paths = type.ScalePaths!;
        var selector = paths.LabelSelector is { } path
            ? Json.Str(o, path.TrimStart('.')) ?? ""
            : string.Join(",", Json.StringMap(Json.At(o, "spec.selector.matchLabels")).Select(kv => $"{kv.Key}={kv.Value}"));
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = stored.Name,
                ["namespace"] = stored.Namespace,
                ["uid"] = Json.Str(o, "metadata.uid"),
                ["resourceVersion"] = Json.Str(o, "metadata.resourceVersion"),
                ["creationTimestamp"] = Json.Str(o, "metadata.creationTimestamp"),
            },
            ["spec"] = new JsonObject { ["replicas"] = Json.Long(o, paths.SpecReplicas.TrimStart('.')) ?? 0 },
            ["status"] = new JsonObject { ["replicas"] = Json.Long(o, paths.StatusReplicas.TrimStart('.')) ?? 0, ["selector"] = selector },
        };
    }

    /// <summary>PUT of a Scale: its spec.replicas written to the object, checking its resourceVersion if it has one.</summary>
    public static StoredObject Replace(ResourceService service, ResourceType type, string? ns, string name, JsonObject scale)
    {
        lock (service.Store.Sync)
        {
            var current = service.Get(type, ns, name);
            if (Json.Str(scale, "metadata.resourceVersion") is { Length: > 0 } rv && rv != Json.Str(current.View, "metadata.resourceVersion"))
                throw StatusErrors.Conflict(type, name);
            return Write(service, type, current, scale);
        }
    }

    /// <summary>PATCH of a Scale, applied to the current Scale under the store lock like any patch.</summary>
    public static StoredObject Patch(ResourceService service, ResourceType type, string? ns, string name, string contentType, JsonNode? patch)
    {
        lock (service.Store.Sync)
        {
            var current = service.Get(type, ns, name);
            var view = Of(type, current);
            var asMerge = contentType is PatchTypes.Strategic or PatchTypes.Apply ? PatchTypes.Merge : contentType;
            var patched = PatchTypes.ApplyTo(type with { IsCustom = true }, asMerge, view, patch);
            if (Json.Str(patched, "metadata.resourceVersion") != Json.Str(view, "metadata.resourceVersion"))
                throw StatusErrors.Conflict(type, name);
            return Write(service, type, current, patched);
        }
    }

    private static StoredObject Write(ResourceService service, ResourceType type, StoredObject current, JsonObject scale)
    {
        var next = current.Clone();
        var parts = type.ScalePaths!.SpecReplicas.TrimStart('.').Split('.');
        var parent = parts[..^1].Aggregate(next, Json.Object);
        parent[parts[^1]] = Json.Long(scale, "spec.replicas") ?? 0;
        return service.Write(type, current, next, null, WriteOptions.Default);
    }
}
