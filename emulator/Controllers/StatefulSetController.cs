using System.Globalization;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// StatefulSets: Pods name-0..name-(n-1), created in order; a PersistentVolumeClaim per
/// volumeClaimTemplate and ordinal, created once and kept on scale-down; outdated Pods replaced
/// from the highest ordinal down; replica counts reported in status.
/// </summary>
internal sealed class StatefulSetController(ClusterState cluster)
{
    public void Reconcile(string ns, string name)
    {
        var sts = cluster.Get("statefulsets.apps", ns, name);
        if (sts is null || ClusterState.IsDeleting(sts)) return;
        var replicas = (int)(Json.Long(sts, "spec.replicas") ?? 1);
        var hash = PodTemplates.Hash(sts);
        var pods = cluster.List("pods", ns, p => ClusterState.IsControlledBy(p, sts)).ToDictionary(p => Json.Str(p, "metadata.name")!);
        var parallel = Json.Str(sts, "spec.podManagementPolicy") == "Parallel";

        for (var i = 0; i < replicas; i++)
        {
            var podName = string.Create(CultureInfo.InvariantCulture, $"{name}-{i}");
            if (pods.ContainsKey(podName)) continue;
            var claims = EnsureClaims(sts, ns, name, i);
            var pod = PodTemplates.Pod(sts, podName, hash, claims);
            Json.Object(Json.Meta(pod), "labels")["statefulset.kubernetes.io/pod-name"] = podName;
            Json.Object(Json.Meta(pod), "labels")["apps.kubernetes.io/pod-index"] = i.ToString(CultureInfo.InvariantCulture);
            Json.Object(pod, "spec")["hostname"] = podName;
            if (Json.Str(sts, "spec.serviceName") is { Length: > 0 } service) Json.Object(pod, "spec")["subdomain"] = service;
            cluster.Create("pods", ns, pod);
            if (!parallel) break;
        }
        foreach (var (podName, pod) in pods)
            if (Ordinal(name, podName) >= replicas && !ClusterState.IsDeleting(pod)) cluster.Delete("pods", ns, podName);

        var owned = pods.Values.Where(p => Ordinal(name, Json.Str(p, "metadata.name")!) < replicas).ToList();
        var outdated = owned.Where(p => Json.StringMap(Json.At(p, "metadata.labels")).GetValueOrDefault(PodTemplates.HashLabel) != hash)
            .OrderByDescending(p => Ordinal(name, Json.Str(p, "metadata.name")!)).FirstOrDefault();
        if (outdated is not null && owned.Count == replicas && owned.All(ClusterState.IsReady) && !ClusterState.IsDeleting(outdated))
            cluster.Delete("pods", ns, Json.Str(outdated, "metadata.name")!);

        var status = Json.Object(sts, "status");
        var ready = owned.Count(ClusterState.IsReady);
        var updated = owned.Count(p => Json.StringMap(Json.At(p, "metadata.labels")).GetValueOrDefault(PodTemplates.HashLabel) == hash);
        status["observedGeneration"] = Json.Long(sts, "metadata.generation");
        status["replicas"] = owned.Count;
        status["readyReplicas"] = ready;
        status["availableReplicas"] = ready;
        status["currentReplicas"] = updated;
        status["updatedReplicas"] = updated;
        status["currentRevision"] = $"{name}-{hash}";
        status["updateRevision"] = $"{name}-{hash}";
        status["collisionCount"] = 0;
        cluster.Write("statefulsets.apps", sts, status: true);
    }

    private List<(string Volume, string Claim)> EnsureClaims(JsonObject sts, string ns, string name, int ordinal)
    {
        var claims = new List<(string, string)>();
        foreach (var template in (Json.At(sts, "spec.volumeClaimTemplates") as JsonArray ?? []).OfType<JsonObject>())
        {
            var volume = Json.Str(template, "metadata.name") ?? "data";
            var claimName = string.Create(CultureInfo.InvariantCulture, $"{volume}-{name}-{ordinal}");
            claims.Add((volume, claimName));
            if (cluster.Get("persistentvolumeclaims", ns, claimName) is not null) continue;
            var labels = Json.At(sts, "spec.selector.matchLabels")?.DeepClone() as JsonObject ?? new JsonObject();
            cluster.Create("persistentvolumeclaims", ns, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "PersistentVolumeClaim",
                ["metadata"] = new JsonObject { ["name"] = claimName, ["labels"] = labels },
                ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
            });
        }
        return claims;
    }

    private static int Ordinal(string sts, string pod) =>
        int.TryParse(pod.AsSpan(sts.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue;
}
