using k8s;

namespace BackendStack.Operator.Hosting;

/// <summary>
/// Finds the cluster to talk to, in kubectl's order: <c>--kubeconfig</c>, <c>KUBECONFIG</c>,
/// <c>~/.kube/config</c>, then the in-cluster service account.
/// </summary>
public static class KubernetesConfigLocator
{
    /// <summary>The client configuration for <paramref name="kubeconfig"/>, or the default chain when it is null.</summary>
    /// <exception cref="InvalidOperationException">No configuration was found; the message says where it was looked for.</exception>
    public static KubernetesClientConfiguration Load(string? kubeconfig)
    {
        if (!string.IsNullOrEmpty(kubeconfig))
        {
            return File.Exists(kubeconfig)
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)
                : throw new InvalidOperationException($"--kubeconfig: file not found: {kubeconfig}");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            var first = fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists);
            return first is not null
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(first)
                : throw new InvalidOperationException($"KUBECONFIG: no such file: {fromEnvironment}");
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (File.Exists(home))
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(home);
        }

        return KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : throw new InvalidOperationException(
                "No Kubernetes configuration: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run inside a cluster.");
    }
}
