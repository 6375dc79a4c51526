using System.Text.Json.Nodes;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>ReplicaSets: as many Pods (name-xxxxx) as spec.replicas, and their counts in status.</summary>
internal sealed class ReplicaSetController(ClusterState cluster)
{
    public void Reconcile(string ns, string name)
    {
        var rs = cluster.Get("replicasets.apps", ns, name);
        if (rs is null || ClusterState.IsDeleting(rs)) return;
        var replicas = (int)(Json.Long(rs, "spec.replicas") ?? 1);
        var pods = cluster.Owned("pods", rs).Where(p => !ClusterState.IsDeleting(p)).ToList();
        var hash = Json.StringMap(Json.At(rs, "metadata.labels")).GetValueOrDefault("pod-template-hash") ?? PodTemplates.Hash(rs);
        for (var i = pods.Count; i < replicas; i++)
        {
            var pod = PodTemplates.Pod(rs, ObjectNames.Generate($"{name}-"), hash);
            Json.Object(Json.Meta(pod), "labels")["pod-template-hash"] = hash;
            cluster.Create("pods", ns, pod);
        }
        foreach (var extra in pods.OrderBy(ClusterState.IsReady).Take(Math.Max(0, pods.Count - replicas)))
            cluster.Delete("pods", ns, Json.Str(extra, "metadata.name")!);

        var kept = pods.Take(replicas).ToList();
        var status = Json.Object(rs, "status");
        status["observedGeneration"] = Json.Long(rs, "metadata.generation");
        status["replicas"] = kept.Count;
        status["fullyLabeledReplicas"] = kept.Count;
        status["readyReplicas"] = kept.Count(ClusterState.IsReady);
        status["availableReplicas"] = kept.Count(ClusterState.IsReady);
        cluster.Write("replicasets.apps", rs, status: true);
    }
}
