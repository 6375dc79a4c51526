namespace BackendStack.PodRuntime;

/// <summary>Where the runtime keeps things under its root directory.</summary>
public sealed class RuntimeLayout(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string PodDirectory(PodKey pod, string uid) => Path.Combine(Root, "pods", $"{pod.Namespace}_{pod.Name}_{uid}");

    public string VolumeDirectory(PodKey pod, string uid, string volume) => Path.Combine(PodDirectory(pod, uid), "volumes", volume);

    public string ScriptPath(PodKey pod, string uid, string container) => Path.Combine(PodDirectory(pod, uid), "scripts", container + ".sh");

    /// <summary>Log of one run of a container; run 0 is the first start, run n the n-th restart.</summary>
    public string LogPath(PodKey pod, string uid, string container, int run) =>
        Path.Combine(PodDirectory(pod, uid), "logs", container, $"{run}.log");

    /// <summary>Failed probe attempts of a container, over all its runs (see <see cref="Probes.ProbeLog"/>).</summary>
    public string ProbeLogPath(PodKey pod, string uid, string container) =>
        Path.Combine(PodDirectory(pod, uid), "logs", container, "probes.log");

    /// <summary>A claim's data, keyed by the claim's uid so a new claim of the same name starts empty.</summary>
    public string ClaimDirectory(string namespaceName, string claim, string claimUid) =>
        Path.Combine(Root, "claims", namespaceName, $"{claim}_{claimUid}");

    /// <summary>Where a container's own root is mounted (inside its mount namespace only).</summary>
    public string ContainerRoot(PodKey pod, string uid, string container) => Path.Combine(PodDirectory(pod, uid), "roots", container);

    /// <summary>Where the upper layers of a container's overlays are mounted (inside its mount namespace only).</summary>
    public string ContainerScratch(PodKey pod, string uid, string container) => Path.Combine(PodDirectory(pod, uid), "layers", container);

    public string HostsFile(string namespaceName) => Path.Combine(Root, "hosts", namespaceName);

    public string ShimDirectory(string family) => Path.Combine(Root, "shims", family);
}
