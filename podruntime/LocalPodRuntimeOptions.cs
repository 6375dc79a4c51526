using BackendStack.PodRuntime.Images;

namespace BackendStack.PodRuntime;

/// <summary>Settings of a <see cref="LocalPodRuntime"/>.</summary>
public sealed class LocalPodRuntimeOptions
{
    /// <summary>Directory for Pod volumes, logs and PersistentVolumeClaim data (the claims outlive their Pods).</summary>
    public required string RootDirectory { get; init; }

    public ImageTable Images { get; init; } = ImageTable.Default;

    /// <summary>How often ConfigMap/Secret volumes and hosts files are brought up to date.</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a container that exited stays down before its first restart: a kubelet notices the exit
    /// at its next relist (1 s apart) and then creates the container anew. Later restarts wait the backoff.
    /// </summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before the second restart of a container that keeps exiting (kubelet: 10 s, doubling).</summary>
    public TimeSpan RestartBackoffInitial { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RestartBackoffMax { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A container that ran this long without exiting starts its backoff again from the beginning.</summary>
    public TimeSpan RestartBackoffReset { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest grace period a Pod gets when the whole runtime stops.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Second octet of the 127.B.x.y block that Pods get their addresses from (whoever assigns
    /// status.podIP, e.g. the emulator, reads it). Parallel runs on one machine use different blocks.
    /// </summary>
    public int AddressBlock { get; init; }

    public string HostIP { get; init; } = "127.0.0.1";

    public string ClusterDomain { get; init; } = "cluster.local";

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
