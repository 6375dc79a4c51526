namespace BackendStack.PodRuntime.Zfs;

/// <summary>Whether this host can give claims ZFS datasets: zfs-fuse installed, /dev/fuse present, root.</summary>
public static class ZfsAvailability
{
    /// <summary>The reason a claim stays Pending (and a test is skipped) on a host without it.</summary>
    public const string MissingReason = "ZfsFuseMissing";

    public const string Daemon = "/usr/sbin/zfs-fuse";

    /// <summary>Null when ZFS datasets can be made here, else why not and how to fix it.</summary>
    public static string? MissingBecause() =>
        Environment.UserName != "root" ? "ZFS volumes need root (zfs-fuse mounts datasets through FUSE)"
        : !File.Exists(Daemon) || !File.Exists("/usr/sbin/zfs") || !File.Exists("/usr/sbin/zpool") ? $"zfs-fuse is not installed ({Daemon} missing): apt-get install -y zfs-fuse"
        : !File.Exists("/dev/fuse") ? "/dev/fuse is missing: ZFS datasets are FUSE-mounted"
        : null;
}
