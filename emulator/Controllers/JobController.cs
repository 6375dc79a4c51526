using System.Text.Json.Nodes;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>Jobs: Pods up to spec.parallelism until spec.completions have succeeded, then the Complete condition.</summary>
internal sealed class JobController(ClusterState cluster)
{
    public void Reconcile(string ns, string name)
    {
        var job = cluster.Get("jobs.batch", ns, name);
        if (job is null || ClusterState.IsDeleting(job)) return;
        var completions = Json.Long(job, "spec.completions") ?? 1;
        var parallelism = Json.Long(job, "spec.parallelism") ?? 1;
        var pods = cluster.Owned("pods", job).ToList();
        var succeeded = pods.Count(p => Json.Str(p, "status.phase") == "Succeeded");
        var active = pods.Count(p => Json.Str(p, "status.phase") is not ("Succeeded" or "Failed"));
        var suspended = Json.At(job, "spec.suspend")?.GetValue<bool>() == true;
        var start = Math.Min(parallelism - active, completions - succeeded - active);
        for (var i = 0; !suspended && i < start; i++)
        {
            var pod = PodTemplates.Pod(job, ObjectNames.Generate($"{name}-"), PodTemplates.Hash(job));
            cluster.Create("pods", ns, pod);
            active++;
        }
        var now = Json.Timestamp(cluster.Service.Time.GetUtcNow());
        var status = Json.Object(job, "status");
        status["startTime"] ??= now;
        status["active"] = active;
        status["succeeded"] = succeeded;
        status["ready"] = pods.Count(ClusterState.IsReady);
        if (succeeded >= completions && status["completionTime"] is null)
        {
            status["completionTime"] = now;
            status["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "SuccessCriteriaMet", ["status"] = "True", ["lastProbeTime"] = now, ["lastTransitionTime"] = now },
                new JsonObject { ["type"] = "Complete", ["status"] = "True", ["lastProbeTime"] = now, ["lastTransitionTime"] = now });
        }
        cluster.Write("jobs.batch", job, status: true);
    }
}
