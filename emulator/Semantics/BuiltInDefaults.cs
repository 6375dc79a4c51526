using System.Text;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Semantics;

/// <summary>The defaults kube-apiserver fills into built-in objects, and Secret stringData folded into data.</summary>
internal sealed class BuiltInDefaults : IAdmission
{
    private int nextClusterIp;

    public void Admit(ResourceType type, JsonObject obj, JsonObject? old, WriteOptions options)
    {
        if (type.IsCustom) return;
        var spec = obj["spec"] as JsonObject;
        switch (type.GroupResource)
        {
            case "secrets": Secret(obj); break;
            case "services" when spec is not null: Service(spec, old); break;
            case "pods" when spec is not null:
                PodSpec(spec);
                if (old is null) obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
                break;
            case "namespaces":
                Json.Object(Json.Meta(obj), "labels")["kubernetes.io/metadata.name"] = Json.Str(obj, "metadata.name");
                Json.Object(obj, "spec")["finalizers"] ??= new JsonArray("kubernetes");
                if (old is null) obj["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case "persistentvolumeclaims" when spec is not null:
                spec["volumeMode"] ??= "Filesystem";
                if (old is null) obj["status"] = new JsonObject { ["phase"] = "Pending" };
                break;
            case "statefulsets.apps" when spec is not null:
                spec["replicas"] ??= 1;
                spec["podManagementPolicy"] ??= "OrderedReady";
                spec["updateStrategy"] ??= new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["partition"] = 0 } };
                spec["revisionHistoryLimit"] ??= 10;
                spec["persistentVolumeClaimRetentionPolicy"] ??= new JsonObject { ["whenDeleted"] = "Retain", ["whenScaled"] = "Retain" };
                Template(spec);
                break;
            case "deployments.apps" when spec is not null:
                spec["replicas"] ??= 1;
                spec["strategy"] ??= new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["maxSurge"] = "25%", ["maxUnavailable"] = "25%" } };
                spec["revisionHistoryLimit"] ??= 10;
                spec["progressDeadlineSeconds"] ??= 600;
                Template(spec);
                break;
            case "replicasets.apps" when spec is not null:
                spec["replicas"] ??= 1;
                Template(spec);
                break;
            case "jobs.batch" when spec is not null: Job(obj, spec); break;
            case "cronjobs.batch" when spec is not null:
                spec["concurrencyPolicy"] ??= "Allow";
                spec["suspend"] ??= false;
                spec["successfulJobsHistoryLimit"] ??= 3;
                spec["failedJobsHistoryLimit"] ??= 1;
                break;
        }
    }

    private static void Secret(JsonObject obj)
    {
        obj["type"] ??= "Opaque";
        if (obj["stringData"] is not JsonObject stringData) return;
        var data = Json.Object(obj, "data");
        foreach (var (key, value) in stringData)
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
        obj.Remove("stringData");
    }

    private void Service(JsonObject spec, JsonObject? old)
    {
        spec["type"] ??= "ClusterIP";
        spec["sessionAffinity"] ??= "None";
        spec["internalTrafficPolicy"] ??= "Cluster";
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        spec["ipFamilyPolicy"] ??= "SingleStack";
        if (spec["clusterIP"] is null)
        {
            var previous = Json.Str(old, "spec.clusterIP");
            var n = Interlocked.Increment(ref nextClusterIp);
            spec["clusterIP"] = previous ?? $"10.96.{n / 250}.{n % 250 + 1}";
        }
        spec["clusterIPs"] ??= new JsonArray(Json.Str(spec, "clusterIP"));
        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }
    }

    private static void Job(JsonObject obj, JsonObject spec)
    {
        spec["completions"] ??= 1;
        spec["parallelism"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        var uid = Json.Str(obj, "metadata.uid");
        if (uid is not null && spec["selector"] is null)
        {
            spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid } };
            var labels = Json.Object(Json.Object(Json.Object(spec, "template"), "metadata"), "labels");
            labels["batch.kubernetes.io/controller-uid"] = uid;
            labels["batch.kubernetes.io/job-name"] = Json.Str(obj, "metadata.name");
        }
        Template(spec);
    }

    private static void Template(JsonObject spec)
    {
        if (Json.At(spec, "template.spec") is JsonObject podSpec) PodSpec(podSpec);
    }

    private static void PodSpec(JsonObject spec)
    {
        spec["restartPolicy"] ??= "Always";
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["schedulerName"] ??= "default-scheduler";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["securityContext"] ??= new JsonObject();
        foreach (var c in (spec["containers"] as JsonArray ?? []).Concat(spec["initContainers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            c["terminationMessagePath"] ??= "/dev/termination-log";
            c["terminationMessagePolicy"] ??= "File";
            c["imagePullPolicy"] ??= (Json.Str(c, "image") ?? "").EndsWith(":latest", StringComparison.Ordinal) || !(Json.Str(c, "image") ?? "").Contains(':') ? "Always" : "IfNotPresent";
            c["resources"] ??= new JsonObject();
            foreach (var p in (c["ports"] as JsonArray ?? []).OfType<JsonObject>()) p["protocol"] ??= "TCP";
        }
    }
}
