using System.Globalization;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// StatefulSets: Pods name-0..name-(n-1). With podManagementPolicy OrderedReady (the default) a Pod
/// is created only once every lower ordinal is Ready, and removed highest first, one at a time;
/// with Parallel all at once. A PersistentVolumeClaim per
/// volumeClaimTemplate and ordinal, created once and kept on scale-down. Updates follow
/// spec.updateStrategy as Kubernetes does: OnDelete never replaces a Pod (a deleted Pod comes
/// back from the new template); RollingUpdate replaces outdated Pods at or above the partition,
/// highest ordinal first, one at a time while every Pod is Ready, and recreates Pods below the
/// partition from the current revision. Pods carry their revision in controller-revision-hash.
/// </summary>
internal sealed class StatefulSetController(ClusterState cluster)
{
    private readonly StatefulSetRevisions revisions = new(cluster);

    public void Reconcile(string ns, string name)
    {
        var sts = cluster.Get("statefulsets.apps", ns, name);
        if (sts is null || ClusterState.IsDeleting(sts)) return;
        var replicas = (int)(Json.Long(sts, "spec.replicas") ?? 1);
        var owned = revisions.Owned(sts);
        var updateRevision = revisions.EnsureUpdateRevision(sts, owned);
        owned = revisions.Owned(sts);
        var currentRevision = Json.Str(sts, "status.currentRevision") is { } recorded && owned.Any(r => Json.Str(r, "metadata.name") == recorded) ? recorded : updateRevision;
        var rolling = Json.Str(sts, "spec.updateStrategy.type") != "OnDelete";
        var partition = rolling ? (int)(Json.Long(sts, "spec.updateStrategy.rollingUpdate.partition") ?? 0) : 0;
        var pods = cluster.List("pods", ns, p => ClusterState.IsControlledBy(p, sts)).ToDictionary(p => Json.Str(p, "metadata.name")!);
        var parallel = Json.Str(sts, "spec.podManagementPolicy") == "Parallel";

        for (var i = 0; i < replicas; i++)
        {
            var podName = string.Create(CultureInfo.InvariantCulture, $"{name}-{i}");
            if (pods.TryGetValue(podName, out var existing))
            {
                // OrderedReady: the next ordinal waits until this one is Ready (and not on its way out).
                if (!parallel && (!ClusterState.IsReady(existing) || ClusterState.IsDeleting(existing))) break;
                continue;
            }
            var revision = rolling && i < partition ? currentRevision : updateRevision;
            Create(StatefulSetRevisions.AtRevision(sts, owned, revision) ?? sts, ns, podName, i, revision);
            if (!parallel) break;
        }
        ScaleDown(name, ns, pods, replicas, parallel);

        var inRange = pods.Values.Where(p => StatefulSetRevisions.Ordinal(name, Json.Str(p, "metadata.name")!) < replicas).ToList();
        if (rolling) RollOne(name, ns, inRange, replicas, partition, updateRevision);

        var ready = inRange.Count(ClusterState.IsReady);
        var updated = inRange.Count(p => StatefulSetRevisions.Label(p) == updateRevision);
        if (updated == replicas && ready == replicas) currentRevision = updateRevision;
        revisions.Prune(sts, owned, inRange.Select(StatefulSetRevisions.Label).Append(currentRevision).Append(updateRevision).ToHashSet());

        var status = Json.Object(sts, "status");
        status["observedGeneration"] = Json.Long(sts, "metadata.generation");
        status["replicas"] = inRange.Count;
        status["readyReplicas"] = ready;
        status["availableReplicas"] = ready;
        status["currentReplicas"] = inRange.Count(p => StatefulSetRevisions.Label(p) == currentRevision);
        status["updatedReplicas"] = updated;
        status["currentRevision"] = currentRevision;
        status["updateRevision"] = updateRevision;
        status["collisionCount"] = 0;
        cluster.Write("statefulsets.apps", sts, status: true);
    }

    /// <summary>
    /// Removes Pods at or above the replica count: all at once with Parallel; with OrderedReady the
    /// highest ordinal first, one at a time, and only while every Pod below it is Ready.
    /// </summary>
    private void ScaleDown(string name, string ns, Dictionary<string, JsonObject> pods, int replicas, bool parallel)
    {
        var surplus = pods.Where(p => StatefulSetRevisions.Ordinal(name, p.Key) >= replicas).OrderByDescending(p => StatefulSetRevisions.Ordinal(name, p.Key)).ToList();
        if (parallel)
        {
            foreach (var (podName, pod) in surplus)
                if (!ClusterState.IsDeleting(pod)) cluster.Delete("pods", ns, podName);
            return;
        }
        if (surplus.Count == 0 || surplus.Any(p => ClusterState.IsDeleting(p.Value))) return;
        var (highest, _) = surplus[0];
        var below = pods.Where(p => StatefulSetRevisions.Ordinal(name, p.Key) < StatefulSetRevisions.Ordinal(name, highest)).Select(p => p.Value);
        if (below.All(p => ClusterState.IsReady(p) && !ClusterState.IsDeleting(p))) cluster.Delete("pods", ns, highest);
    }

    private void Create(JsonObject template, string ns, string podName, int ordinal, string revision)
    {
        var name = Json.Str(template, "metadata.name")!;
        var claims = EnsureClaims(template, ns, name, ordinal);
        var pod = PodTemplates.Pod(template, podName, revision, claims);
        var labels = Json.Object(Json.Meta(pod), "labels");
        labels["statefulset.kubernetes.io/pod-name"] = podName;
        labels["apps.kubernetes.io/pod-index"] = ordinal.ToString(CultureInfo.InvariantCulture);
        Json.Object(pod, "spec")["hostname"] = podName;
        if (Json.Str(template, "spec.serviceName") is { Length: > 0 } service) Json.Object(pod, "spec")["subdomain"] = service;
        cluster.Create("pods", ns, pod);
    }

    /// <summary>Deletes the outdated Pod with the highest ordinal at or above the partition, once every Pod is there and Ready.</summary>
    private void RollOne(string name, string ns, List<JsonObject> pods, int replicas, int partition, string updateRevision)
    {
        if (pods.Count != replicas || !pods.All(ClusterState.IsReady) || pods.Any(ClusterState.IsDeleting)) return;
        var outdated = pods
            .Where(p => StatefulSetRevisions.Ordinal(name, Json.Str(p, "metadata.name")!) >= partition && StatefulSetRevisions.Label(p) != updateRevision)
            .OrderByDescending(p => StatefulSetRevisions.Ordinal(name, Json.Str(p, "metadata.name")!))
            .FirstOrDefault();
        if (outdated is not null) cluster.Delete("pods", ns, Json.Str(outdated, "metadata.name")!);
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
            // As kube's StatefulSet controller: the claim template's own labels, then the StatefulSet's selector.
            var labels = Json.At(template, "metadata.labels")?.DeepClone() as JsonObject ?? new JsonObject();
            foreach (var (key, value) in Json.At(sts, "spec.selector.matchLabels") as JsonObject ?? [])
                labels[key] = value?.DeepClone();
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
}
