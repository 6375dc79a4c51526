using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>Pods from a workload's pod template, and the template hash that tells outdated pods apart.</summary>
internal static class PodTemplates
{
    public const string HashLabel = "controller-revision-hash";

    public static string Hash(JsonObject workload)
    {
        var template = Json.At(workload, "spec.template")?.ToJsonString() ?? "";
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(template));
        return Convert.ToHexString(bytes)[..10].ToLowerInvariant();
    }

    public static JsonObject Pod(JsonObject owner, string name, string hash, IEnumerable<(string Volume, string Claim)>? claims = null)
    {
        var template = Json.At(owner, "spec.template")?.DeepClone() as JsonObject ?? new JsonObject();
        var meta = template["metadata"] as JsonObject ?? new JsonObject();
        var labels = Json.Object(meta, "labels");
        labels[HashLabel] = hash;
        var spec = template["spec"] as JsonObject ?? new JsonObject();
        foreach (var (volume, claim) in claims ?? [])
        {
            var volumes = spec["volumes"] as JsonArray ?? [];
            spec["volumes"] = volumes;
            if (volumes.Any(v => Json.Str(v, "name") == volume)) continue;
            volumes.Add(new JsonObject { ["name"] = volume, ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = claim } });
        }
        var podMeta = new JsonObject
        {
            ["name"] = name,
            ["labels"] = labels.DeepClone(),
            ["ownerReferences"] = new JsonArray(ClusterState.OwnerReference(owner)),
        };
        if (meta["annotations"] is JsonObject annotations) podMeta["annotations"] = annotations.DeepClone();
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = podMeta, ["spec"] = spec.DeepClone() };
    }
}
