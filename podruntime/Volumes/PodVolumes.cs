using k8s.Models;

namespace BackendStack.PodRuntime.Volumes;

/// <summary>
/// The host directories behind a Pod's volumes: emptyDir in the Pod's directory, claims under the
/// runtime root (they outlive the Pod), ConfigMap and Secret volumes written and kept up to date.
/// </summary>
public sealed class PodVolumes(V1Pod pod, RuntimeLayout layout, IPodClusterView cluster)
{
    private readonly PodKey key = PodKey.Of(pod);
    private readonly string uid = pod.Metadata.Uid ?? "";

    /// <summary>Host path of every volume; throws <see cref="VolumeSourceException"/> while one cannot be set up.</summary>
    public IReadOnlyDictionary<string, string> Prepare()
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in pod.Spec.Volumes ?? [])
        {
            paths[volume.Name] = Prepare(volume);
        }

        return paths;
    }

    /// <summary>Rewrites ConfigMap and Secret volumes whose source changed; returns the names of volumes rewritten.</summary>
    public IReadOnlyList<string> Refresh()
    {
        var changed = new List<string>();
        foreach (var volume in pod.Spec.Volumes ?? [])
        {
            if (volume.ConfigMap is not null || volume.Secret is not null)
            {
                try
                {
                    if (WriteProjected(volume))
                    {
                        changed.Add(volume.Name);
                    }
                }
                catch (VolumeSourceException)
                {
                    // The source went away: the kubelet keeps the last content too.
                }
            }
        }

        return changed;
    }

    private string Prepare(V1Volume volume)
    {
        if (volume.ConfigMap is not null || volume.Secret is not null)
        {
            WriteProjected(volume);
            return layout.VolumeDirectory(key, uid, volume.Name);
        }

        if (volume.EmptyDir is not null)
        {
            return Directory.CreateDirectory(layout.VolumeDirectory(key, uid, volume.Name)).FullName;
        }

        if (volume.PersistentVolumeClaim is { } claimSource)
        {
            var claim = cluster.GetPersistentVolumeClaim(key.Namespace, claimSource.ClaimName)
                ?? throw new VolumeSourceException($"persistentvolumeclaim \"{claimSource.ClaimName}\" not found");
            if (claim.Metadata.DeletionTimestamp is not null)
            {
                throw new VolumeSourceException($"persistentvolumeclaim \"{claimSource.ClaimName}\" is being deleted");
            }

            if (Zfs.ZfsClaimProvisioner.Serves(claim) && claim.Status?.Phase != "Bound")
            {
                throw new VolumeSourceException($"persistentvolumeclaim \"{claimSource.ClaimName}\" is not bound yet: "
                    + (Zfs.ZfsAvailability.MissingBecause() is { } missing ? $"{Zfs.ZfsAvailability.MissingReason}: {missing}" : "its zfs dataset is being provisioned"));
            }

            return Directory.CreateDirectory(layout.ClaimDirectory(key.Namespace, claim.Metadata.Name, claim.Metadata.Uid ?? "")).FullName;
        }

        if (volume.HostPath is { } hostPath)
        {
            if (hostPath.Type is "DirectoryOrCreate")
            {
                Directory.CreateDirectory(hostPath.Path);
            }

            return Path.Exists(hostPath.Path)
                ? hostPath.Path
                : throw new VolumeSourceException($"hostPath \"{hostPath.Path}\" does not exist");
        }

        throw new VolumeSourceException($"volume \"{volume.Name}\": only configMap, secret, emptyDir, persistentVolumeClaim and hostPath volumes run locally");
    }

    private bool WriteProjected(V1Volume volume)
    {
        var directory = layout.VolumeDirectory(key, uid, volume.Name);
        return AtomicVolumeWriter.Write(directory, ProjectedFiles(volume));
    }

    private IReadOnlyList<ProjectedFile> ProjectedFiles(V1Volume volume)
    {
        if (volume.ConfigMap is { } configMapSource)
        {
            var configMap = cluster.GetConfigMap(key.Namespace, configMapSource.Name);
            return configMap is not null ? VolumeFiles.FromConfigMap(configMap, configMapSource)
                : configMapSource.Optional == true ? []
                : throw new VolumeSourceException($"configmap \"{configMapSource.Name}\" not found");
        }

        var secretSource = volume.Secret!;
        var secret = cluster.GetSecret(key.Namespace, secretSource.SecretName);
        return secret is not null ? VolumeFiles.FromSecret(secret, secretSource)
            : secretSource.Optional == true ? []
            : throw new VolumeSourceException($"secret \"{secretSource.SecretName}\" not found");
    }
}
