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
    public static KubernetesClientConfiguration Load(string? kubeconfig) => Load(
        kubeconfig,
        Environment.GetEnvironmentVariable("KUBECONFIG"),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        KubernetesClientConfiguration.IsInCluster());

    /// <summary>The client configuration from the given sources, in kubectl's order.</summary>
    /// <exception cref="InvalidOperationException">No configuration was found; the message says where it was looked for.</exception>
    public static KubernetesClientConfiguration Load(string? kubeconfig, string? kubeconfigVariable, string homeDirectory, bool inCluster)
    {
        if (!string.IsNullOrEmpty(kubeconfig))
        {
            return File.Exists(kubeconfig)
                ? FromFile(kubeconfig, "--kubeconfig")
                : throw new InvalidOperationException($"--kubeconfig: file not found: {kubeconfig}");
        }

        if (!string.IsNullOrEmpty(kubeconfigVariable))
        {
            var first = kubeconfigVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists);
            return first is not null
                ? FromFile(first, "KUBECONFIG")
                : throw new InvalidOperationException($"KUBECONFIG: no such file: {kubeconfigVariable}");
        }

        var home = Path.Combine(homeDirectory, ".kube", "config");
        if (File.Exists(home))
        {
            return FromFile(home, "~/.kube/config");
        }

        return inCluster
            ? KubernetesClientConfiguration.InClusterConfig()
            : throw new InvalidOperationException(
                "No Kubernetes configuration: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run inside a cluster.");
    }

    private static KubernetesClientConfiguration FromFile(string path, string source)
    {
        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        }
        catch (k8s.Exceptions.KubeConfigException error)
        {
            throw new InvalidOperationException($"{source}: {path}: {error.Message}", error);
        }
    }
}
