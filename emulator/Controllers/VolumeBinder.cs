using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// Binds every PersistentVolumeClaim to a volume of the size it requests, as a dynamic provisioner would; except a
/// claim whose StorageClass names an external provisioner the emulator leaves to (zfs-localpv, served by the local
/// pod runtime): that one gets the annotation the PV controller sets for it and stays Pending until it binds.
/// </summary>
internal sealed class VolumeBinder(ClusterState cluster)
{
    /// <summary>The annotation naming the provisioner that is to provision a claim.</summary>
    public const string ProvisionerAnnotation = "volume.kubernetes.io/storage-provisioner";

    private static readonly HashSet<string> ExternalProvisioners = new(StringComparer.Ordinal) { "zfs.csi.openebs.io" };

    public void Reconcile(JsonObject claim)
    {
        if (ClusterState.IsDeleting(claim)) return;
        if (Json.Str(claim, "spec.storageClassName") is { } className
            && Json.Str(cluster.Get("storageclasses.storage.k8s.io", "", className) ?? [], "provisioner") is { } provisioner
            && ExternalProvisioners.Contains(provisioner))
        {
            var metadata = Json.Object(claim, "metadata");
            var annotations = metadata["annotations"] as JsonObject ?? [];
            if (annotations.ContainsKey(ProvisionerAnnotation)) return;
            annotations[ProvisionerAnnotation] = provisioner;
            metadata["annotations"] = annotations;
            cluster.Write("persistentvolumeclaims", claim);
            return;
        }
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
