using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// Deployments through ReplicaSets: one ReplicaSet per pod template (name-hash) scaled to
/// spec.replicas, older ones scaled to zero, and the counts and conditions in status.
/// </summary>
internal sealed class DeploymentController(ClusterState cluster)
{
    public void Reconcile(string ns, string name)
    {
        var deployment = cluster.Get("deployments.apps", ns, name);
        if (deployment is null || ClusterState.IsDeleting(deployment)) return;
        var replicas = Json.Long(deployment, "spec.replicas") ?? 1;
        var hash = PodTemplates.Hash(deployment);
        var rsName = $"{name}-{hash}";
        var owned = cluster.Owned("replicasets.apps", deployment).ToList();
        var current = owned.FirstOrDefault(r => Json.Str(r, "metadata.name") == rsName);
        if (current is null)
        {
            var template = Json.At(deployment, "spec.template")!.DeepClone().AsObject();
            Json.Object(Json.Object(template, "metadata"), "labels")["pod-template-hash"] = hash;
            var selector = Json.At(deployment, "spec.selector")?.DeepClone().AsObject() ?? new JsonObject();
            Json.Object(selector, "matchLabels")["pod-template-hash"] = hash;
            var labels = Json.At(template, "metadata.labels")!.DeepClone();
            cluster.Create("replicasets.apps", ns, new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "ReplicaSet",
                ["metadata"] = new JsonObject
                {
                    ["name"] = rsName,
                    ["labels"] = labels,
                    ["ownerReferences"] = new JsonArray(ClusterState.OwnerReference(deployment)),
                },
                ["spec"] = new JsonObject { ["replicas"] = replicas, ["selector"] = selector, ["template"] = template },
            });
        }
        else if (Json.Long(current, "spec.replicas") != replicas)
        {
            Json.Object(current, "spec")["replicas"] = replicas;
            cluster.Write("replicasets.apps", current);
        }
        foreach (var old in owned.Where(r => Json.Str(r, "metadata.name") != rsName && Json.Long(r, "spec.replicas") != 0))
        {
            Json.Object(old, "spec")["replicas"] = 0;
            cluster.Write("replicasets.apps", old);
        }

        var ready = owned.Sum(r => Json.Long(r, "status.readyReplicas") ?? 0);
        var updated = current is null ? 0 : Json.Long(current, "status.replicas") ?? 0;
        var now = Json.Timestamp(cluster.Service.Time.GetUtcNow());
        var status = Json.Object(deployment, "status");
        status["observedGeneration"] = Json.Long(deployment, "metadata.generation");
        status["replicas"] = owned.Sum(r => Json.Long(r, "status.replicas") ?? 0);
        status["updatedReplicas"] = updated;
        status["readyReplicas"] = ready;
        status["availableReplicas"] = ready;
        status["unavailableReplicas"] = Math.Max(0, replicas - ready);
        status["conditions"] = new JsonArray(
            Condition("Available", ready >= replicas, ready >= replicas ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable", now, deployment),
            Condition("Progressing", true, updated >= replicas ? "NewReplicaSetAvailable" : "ReplicaSetUpdated", now, deployment));
        cluster.Write("deployments.apps", deployment, status: true);
    }

    private static JsonObject Condition(string type, bool value, string reason, string now, JsonObject deployment)
    {
        var previous = (Json.At(deployment, "status.conditions") as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => Json.Str(c, "type") == type);
        var status = value ? "True" : "False";
        var since = previous is not null && Json.Str(previous, "status") == status ? Json.Str(previous, "lastTransitionTime") : now;
        return new JsonObject { ["type"] = type, ["status"] = status, ["reason"] = reason, ["lastTransitionTime"] = since, ["lastUpdateTime"] = since };
    }
}
