using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>Binds every PersistentVolumeClaim to a volume of the size it requests, as a dynamic provisioner would.</summary>
internal sealed class VolumeBinder(ClusterState cluster)
{
    public void Reconcile(JsonObject claim)
    {
        if (ClusterState.IsDeleting(claim)) return;
        if (Json.Str(claim, "spec.volumeName") is null)
        {
            Json.Object(claim, "spec")["volumeName"] = $"pvc-{Json.Str(claim, "metadata.uid")}";
            cluster.Write("persistentvolumeclaims", claim);
            return;
        }
        if (Json.Str(claim, "status.phase") == "Bound") return;
        var status = Json.Object(claim, "status");
        status["phase"] = "Bound";
        status["accessModes"] = Json.At(claim, "spec.accessModes")?.DeepClone() ?? new JsonArray("ReadWriteOnce");
        status["capacity"] = new JsonObject { ["storage"] = Json.Str(claim, "spec.resources.requests.storage") ?? "1Gi" };
        cluster.Write("persistentvolumeclaims", claim, status: true);
    }
}
