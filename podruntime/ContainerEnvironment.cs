using System.Text;
using k8s.Models;

namespace BackendStack.PodRuntime;

/// <summary>
/// A container's environment as the kubelet builds it: envFrom, then env in order (later wins),
/// valueFrom ConfigMap/Secret keys and field references, $(VAR) references expanded. Pure given
/// the cluster view.
/// </summary>
public static class ContainerEnvironment
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Throws <see cref="ContainerConfigException"/> when a referenced source or key is missing.</summary>
    public static Dictionary<string, string> Build(V1Pod pod, V1Container container, IPodClusterView cluster)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(cluster);
        var ns = PodKey.Of(pod).Namespace;
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = DefaultPath,
            ["HOSTNAME"] = pod.Spec.Hostname ?? pod.Metadata.Name,
            ["HOME"] = "/root",
        };
        foreach (var source in container.EnvFrom ?? [])
        {
            foreach (var (key, value) in EnvFromValues(source, ns, cluster))
            {
                env[(source.Prefix ?? "") + key] = value;
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            var value = variable.ValueFrom is null
                ? Expand(variable.Value ?? "", env)
                : ValueFrom(variable, pod, ns, cluster);
            if (value is not null)
            {
                env[variable.Name] = value;
            }
        }

        return env;
    }

    /// <summary>Kubernetes' $(VAR) expansion: defined names are replaced, $$ escapes, anything else is left as written.</summary>
    public static string Expand(string input, IReadOnlyDictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(env);
        var output = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != '$' || i + 1 >= input.Length)
            {
                output.Append(input[i]);
                continue;
            }

            var next = input[i + 1];
            if (next == '$')
            {
                output.Append('$');
                i++;
            }
            else if (next == '(' && input.IndexOf(')', i + 2) is var close and > 0
                && env.TryGetValue(input[(i + 2)..close], out var value))
            {
                output.Append(value);
                i = close;
            }
            else
            {
                output.Append('$');
            }
        }

        return output.ToString();
    }

    private static IEnumerable<KeyValuePair<string, string>> EnvFromValues(V1EnvFromSource source, string ns, IPodClusterView cluster)
    {
        if (source.ConfigMapRef is { } configMapRef)
        {
            var configMap = cluster.GetConfigMap(ns, configMapRef.Name);
            return configMap?.Data ?? (configMapRef.Optional == true
                ? new Dictionary<string, string>()
                : throw new ContainerConfigException($"configmap \"{configMapRef.Name}\" not found"));
        }

        if (source.SecretRef is { } secretRef)
        {
            var secret = cluster.GetSecret(ns, secretRef.Name);
            if (secret is null)
            {
                return secretRef.Optional == true
                    ? []
                    : throw new ContainerConfigException($"secret \"{secretRef.Name}\" not found");
            }

            return (secret.Data ?? new Dictionary<string, byte[]>())
                .Select(d => KeyValuePair.Create(d.Key, Encoding.UTF8.GetString(d.Value)));
        }

        return [];
    }

    private static string? ValueFrom(V1EnvVar variable, V1Pod pod, string ns, IPodClusterView cluster)
    {
        var from = variable.ValueFrom;
        if (from.ConfigMapKeyRef is { } configMapKey)
        {
            var configMap = cluster.GetConfigMap(ns, configMapKey.Name);
            if (configMap?.Data?.TryGetValue(configMapKey.Key, out var value) == true)
            {
                return value;
            }

            return configMapKey.Optional == true ? null
                : throw new ContainerConfigException($"env {variable.Name}: configmap \"{configMapKey.Name}\" key \"{configMapKey.Key}\" not found");
        }

        if (from.SecretKeyRef is { } secretKey)
        {
            var secret = cluster.GetSecret(ns, secretKey.Name);
            if (secret?.Data?.TryGetValue(secretKey.Key, out var value) == true)
            {
                return Encoding.UTF8.GetString(value);
            }

            return secretKey.Optional == true ? null
                : throw new ContainerConfigException($"env {variable.Name}: secret \"{secretKey.Name}\" key \"{secretKey.Key}\" not found");
        }

        if (from.FieldRef is { } fieldRef)
        {
            return FieldValue(fieldRef.FieldPath, pod)
                ?? throw new ContainerConfigException($"env {variable.Name}: fieldRef \"{fieldRef.FieldPath}\" is not supported");
        }

        // resourceFieldRef: no limits are enforced locally, so the resource is reported as unset.
        return from.ResourceFieldRef is not null ? "0"
            : throw new ContainerConfigException($"env {variable.Name}: valueFrom names no source");
    }

    private static string? FieldValue(string path, V1Pod pod)
    {
        if (path.StartsWith("metadata.labels['", StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal))
        {
            return pod.Metadata.Labels?.TryGetValue(path[17..^2], out var label) == true ? label : "";
        }

        if (path.StartsWith("metadata.annotations['", StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal))
        {
            return pod.Metadata.Annotations?.TryGetValue(path[22..^2], out var annotation) == true ? annotation : "";
        }

        return path switch
        {
            "metadata.name" => pod.Metadata.Name,
            "metadata.namespace" => PodKey.Of(pod).Namespace,
            "metadata.uid" => pod.Metadata.Uid ?? "",
            "status.podIP" => pod.Status?.PodIP ?? "",
            "status.podIPs" => pod.Status?.PodIP ?? "",
            "status.hostIP" => pod.Status?.HostIP ?? "127.0.0.1",
            "spec.nodeName" => pod.Spec.NodeName ?? "",
            "spec.serviceAccountName" => pod.Spec.ServiceAccountName ?? "default",
            _ => null,
        };
    }
}
