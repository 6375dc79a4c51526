using BackendStack.PodRuntime.Volumes;

namespace BackendStack.PodRuntime.Processes;

/// <summary>What a container's start script sets up before the command runs.</summary>
public sealed record ContainerSetup(
    string LogPath,
    string PidFile,
    IReadOnlyList<BindMount> Mounts,
    string HostsFile,
    string Hostname,
    string WorkingDirectory,
    long? RunAsUser,
    long? RunAsGroup,
    long? FsGroup);
