namespace BackendStack.PodRuntime.Images;

/// <summary>
/// A container image family and the host binaries that stand in for it. The only adaptation of a
/// binary (binding to the Pod's IP, the user it runs as) lives in its shim: a short script placed
/// first on the Pod's PATH, so commands and scripts run unchanged and still reach the adapted binary.
/// Shims read the Pod's address from <see cref="PodIPVariable"/>.
/// </summary>
/// <param name="Name">Family name, also the shim directory name.</param>
/// <param name="Repositories">Last path segments of image repositories that belong to the family.</param>
/// <param name="DebianPackages">Packages that provide the binaries.</param>
/// <param name="RequiredFiles">Host files that must exist for the family to run.</param>
/// <param name="Entrypoint">The image's ENTRYPOINT/CMD: container args (possibly empty) to argv, used when the container sets no command.</param>
/// <param name="Shims">Binary name to shell script body.</param>
public sealed record LocalImage(
    string Name,
    IReadOnlyList<string> Repositories,
    IReadOnlyList<string> DebianPackages,
    IReadOnlyList<string> RequiredFiles,
    Func<IReadOnlyList<string>, IReadOnlyList<string>> Entrypoint,
    IReadOnlyDictionary<string, string> Shims)
{
    public const string PodIPVariable = "BACKENDSTACK_POD_IP";

    /// <summary>
    /// Run before each container of the family starts, with the family's shim directory: makes what the
    /// shims run available there (e.g. links a binary found elsewhere). Throws
    /// <see cref="NoLocalEquivalentException"/> when it cannot, so the Pod stays Pending with the reason.
    /// </summary>
    public Action<string>? Prepare { get; init; }

    public bool IsInstalled => RequiredFiles.All(File.Exists);
}
