using BackendStack.PodRuntime.Volumes;

namespace BackendStack.PodRuntime.Processes;

/// <summary>
/// What a container's start script sets up before the command runs. <paramref name="RootDirectory"/> and
/// <paramref name="ScratchDirectory"/> are host directories of the runtime's own, where the container's
/// root and the upper layers of its overlays are mounted (tmpfs, visible only in its mount namespace).
/// </summary>
public sealed record ContainerSetup(
    string LogPath,
    string PidFile,
    IReadOnlyList<BindMount> Mounts,
    string HostsFile,
    string Hostname,
    string WorkingDirectory,
    long? RunAsUser,
    long? RunAsGroup,
    long? FsGroup,
    string RootDirectory,
    string ScratchDirectory);
