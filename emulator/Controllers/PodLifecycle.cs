using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// The kubelet's part: a new Pod is scheduled to the emulator's node, gets a distinct loopback IP
/// (127.0.x.y, so a real server started for it can listen there) and becomes Running and Ready.
/// A Pod of a Job then completes. The annotation emulator.backendstack.io/ready: "false" keeps a Pod unready.
/// With <paramref name="addressOnly"/> (Pods run by the local pod runtime) it only schedules and
/// addresses Pods (from the block of <paramref name="addresses"/>); their phase, readiness and
/// container statuses come from the processes.
/// </summary>
internal sealed class PodLifecycle(ClusterState cluster, PodAddresses addresses, bool addressOnly = false)
{
    public const string NodeName = "emulator-node";
    public const string ReadyAnnotation = "emulator.backendstack.io/ready";

    public void Reconcile(JsonObject pod)
    {
        if (ClusterState.IsDeleting(pod)) return;
        if (addressOnly)
        {
            Address(pod);
            return;
        }
        var phase = Json.Str(pod, "status.phase");
        if (Json.Str(pod, "spec.nodeName") is null || phase == "Pending")
        {
            Start(pod);
            return;
        }
        var ownedByJob = (Json.At(pod, "metadata.ownerReferences") as JsonArray ?? []).Any(r => Json.Str(r, "kind") == "Job");
        if (ownedByJob && phase == "Running") Complete(pod);
        else if (phase == "Running") SetReady(pod, Json.StringMap(Json.At(pod, "metadata.annotations")).GetValueOrDefault(ReadyAnnotation) != "false");
    }

    private void Start(JsonObject pod)
    {
        var now = Json.Timestamp(cluster.Service.Time.GetUtcNow());
        if (Json.Str(pod, "spec.nodeName") is null)
        {
            Json.Object(pod, "spec")["nodeName"] = NodeName;
            cluster.Write("pods", pod);
            return;
        }
        var ip = Json.Str(pod, "status.podIP") ?? AllocateIp(pod);
        var status = Json.Object(pod, "status");
        status["phase"] = "Running";
        status["hostIP"] = "127.0.0.1";
        status["podIP"] = ip;
        status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = ip });
        status["startTime"] = now;
        status["containerStatuses"] = new JsonArray([.. (Json.At(pod, "spec.containers") as JsonArray ?? []).OfType<JsonObject>().Select(c => (JsonNode)new JsonObject
        {
            ["name"] = Json.Str(c, "name"),
            ["image"] = Json.Str(c, "image"),
            ["imageID"] = "",
            ["ready"] = false,
            ["restartCount"] = 0,
            ["started"] = true,
            ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } },
        })]);
        status["conditions"] = Conditions(false, now);
        cluster.Write("pods", pod, status: true);
    }

    private void Address(JsonObject pod)
    {
        if (Json.Str(pod, "spec.nodeName") is null)
        {
            Json.Object(pod, "spec")["nodeName"] = NodeName;
            cluster.Write("pods", pod);
        }
        else if (Json.Str(pod, "status.podIP") is null)
        {
            var ip = AllocateIp(pod);
            var status = Json.Object(pod, "status");
            status["phase"] ??= "Pending";
            status["hostIP"] = "127.0.0.1";
            status["podIP"] = ip;
            status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = ip });
            cluster.Write("pods", pod, status: true);
        }
    }

    private void SetReady(JsonObject pod, bool ready)
    {
        if (ClusterState.IsReady(pod) == ready) return;
        var now = Json.Timestamp(cluster.Service.Time.GetUtcNow());
        var status = Json.Object(pod, "status");
        status["conditions"] = Conditions(ready, now);
        foreach (var c in (status["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>()) c["ready"] = ready;
        cluster.Write("pods", pod, status: true);
    }

    private void Complete(JsonObject pod)
    {
        var now = Json.Timestamp(cluster.Service.Time.GetUtcNow());
        var status = Json.Object(pod, "status");
        status["phase"] = "Succeeded";
        status["conditions"] = Conditions(false, now);
        foreach (var c in (status["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>())
        {
            c["ready"] = false;
            c["state"] = new JsonObject { ["terminated"] = new JsonObject { ["exitCode"] = 0, ["reason"] = "Completed", ["finishedAt"] = now } };
        }
        cluster.Write("pods", pod, status: true);
    }

    private static JsonArray Conditions(bool ready, string now)
    {
        var r = ready ? "True" : "False";
        return new JsonArray(
            Condition("PodScheduled", "True", now), Condition("Initialized", "True", now),
            Condition("ContainersReady", r, now), Condition("Ready", r, now));
    }

    private static JsonObject Condition(string type, string status, string now) =>
        new() { ["type"] = type, ["status"] = status, ["lastTransitionTime"] = now };

    private string AllocateIp(JsonObject pod) =>
        addresses.Allocate(ObjectKey.Of(Json.Str(pod, "metadata.namespace"), Json.Str(pod, "metadata.name") ?? ""));
}
