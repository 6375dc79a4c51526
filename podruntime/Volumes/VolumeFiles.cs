using System.Text;
using k8s.Models;

namespace BackendStack.PodRuntime.Volumes;

/// <summary>
/// The files a ConfigMap or Secret volume holds, as the kubelet lays them out: every key (or only
/// the listed items, at their paths) with defaultMode or the item's mode. Pure.
/// </summary>
public static class VolumeFiles
{
    private const int DefaultMode = 420; // 0644, the API's default for defaultMode

    public static IReadOnlyList<ProjectedFile> FromConfigMap(V1ConfigMap configMap, V1ConfigMapVolumeSource source)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        ArgumentNullException.ThrowIfNull(source);
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in configMap.Data ?? new Dictionary<string, string>())
        {
            data[key] = Encoding.UTF8.GetBytes(value);
        }

        foreach (var (key, value) in configMap.BinaryData ?? new Dictionary<string, byte[]>())
        {
            data[key] = value;
        }

        return Select(data, source.Items, source.DefaultMode, source.Optional == true, $"configmap {configMap.Metadata.Name}");
    }

    public static IReadOnlyList<ProjectedFile> FromSecret(V1Secret secret, V1SecretVolumeSource source)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(source);
        var data = new Dictionary<string, byte[]>(secret.Data ?? new Dictionary<string, byte[]>(), StringComparer.Ordinal);
        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            data[key] = Encoding.UTF8.GetBytes(value);
        }

        return Select(data, source.Items, source.DefaultMode, source.Optional == true, $"secret {secret.Metadata.Name}");
    }

    private static List<ProjectedFile> Select(
        Dictionary<string, byte[]> data, IList<V1KeyToPath>? items, int? defaultMode, bool optional, string what)
    {
        var mode = defaultMode ?? DefaultMode;
        if (items is null || items.Count == 0)
        {
            return [.. data.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new ProjectedFile(d.Key, d.Value, mode))];
        }

        var files = new List<ProjectedFile>();
        foreach (var item in items)
        {
            if (!data.TryGetValue(item.Key, out var content))
            {
                if (optional)
                {
                    continue;
                }

                throw new VolumeSourceException($"{what} has no key \"{item.Key}\"");
            }

            files.Add(new ProjectedFile(CheckedPath(item.Path), content, item.Mode ?? mode));
        }

        return files;
    }

    private static string CheckedPath(string path) =>
        path.Length == 0 || path.StartsWith('/') || path.Split('/').Any(s => s is ".." or "")
            ? throw new VolumeSourceException($"item path \"{path}\" must be relative without '..'")
            : path;
}
