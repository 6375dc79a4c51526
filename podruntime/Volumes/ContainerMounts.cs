using k8s.Models;

namespace BackendStack.PodRuntime.Volumes;

/// <summary>The bind mounts of one container, from its volumeMounts and the volumes' host paths. Pure.</summary>
public static class ContainerMounts
{
    public static IReadOnlyList<BindMount> For(V1Pod pod, V1Container container, IReadOnlyDictionary<string, string> volumePaths)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(volumePaths);
        var projected = (pod.Spec.Volumes ?? [])
            .Where(v => v.ConfigMap is not null || v.Secret is not null)
            .Select(v => v.Name)
            .ToHashSet(StringComparer.Ordinal);
        var mounts = new List<BindMount>();
        foreach (var mount in container.VolumeMounts ?? [])
        {
            if (!volumePaths.TryGetValue(mount.Name, out var source))
            {
                throw new VolumeSourceException($"container \"{container.Name}\": volumeMount \"{mount.Name}\" names no volume of the Pod");
            }

            var target = mount.MountPath;
            if (!target.StartsWith('/') || target.TrimEnd('/').Length == 0 || target.Split('/').Contains(".."))
            {
                throw new VolumeSourceException($"container \"{container.Name}\": mountPath \"{target}\" must be absolute, not / and without '..'");
            }

            var subPath = mount.SubPath ?? "";
            if (subPath.StartsWith('/') || subPath.Split('/').Contains(".."))
            {
                throw new VolumeSourceException($"container \"{container.Name}\": subPath \"{subPath}\" must be relative without '..'");
            }

            var readOnly = mount.ReadOnlyProperty == true || projected.Contains(mount.Name);
            mounts.Add(new BindMount(subPath.Length == 0 ? source : Path.Combine(source, subPath), target.TrimEnd('/'), readOnly));
        }

        return mounts;
    }
}
