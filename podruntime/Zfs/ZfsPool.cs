using System.Globalization;

namespace BackendStack.PodRuntime.Zfs;

/// <summary>
/// One runtime's ZFS pool, on a sparse file vdev in its state directory, named uniquely on the machine
/// (<c>bs-&lt;pid&gt;-&lt;id&gt;</c>, so a pool left by a dead process is recognised and destroyed). The pool itself is
/// not mounted; each dataset is mounted where it is asked to be. Disposing destroys the pool and gives back the
/// lease on the shared <see cref="ZfsFuseDaemon"/>.
/// </summary>
public sealed class ZfsPool : IAsyncDisposable
{
    /// <summary>Size of the sparse vdev: it takes only what is written.</summary>
    public const long VdevBytes = 512L * 1024 * 1024;

    private readonly ZfsFuseDaemon daemon;
    private readonly string vdev;
    private bool disposed;

    private ZfsPool(string name, string vdev, ZfsFuseDaemon daemon)
    {
        Name = name;
        this.vdev = vdev;
        this.daemon = daemon;
    }

    public string Name { get; }

    /// <summary>Creates the pool for the runtime <paramref name="runtimeId"/>, its vdev in <paramref name="directory"/>.</summary>
    public static async Task<ZfsPool> CreateAsync(string directory, string runtimeId, CancellationToken cancellationToken = default)
    {
        var daemon = await ZfsFuseDaemon.AcquireAsync(runtimeId, cancellationToken).ConfigureAwait(false);
        try
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{ZfsFuseDaemon.PoolPrefix}{Environment.ProcessId}-{runtimeId[..Math.Min(12, runtimeId.Length)]}");
            // The vdev path must be absolute.
            var vdev = Path.Combine(Directory.CreateDirectory(directory).FullName, $"{name}.img");
            await using (var file = new FileStream(vdev, FileMode.Create, FileAccess.Write))
            {
                file.SetLength(VdevBytes);
            }

            await ZfsCommand.CheckedAsync("zpool", ["create", "-m", "none", name, vdev], cancellationToken).ConfigureAwait(false);
            return new ZfsPool(name, vdev, daemon);
        }
        catch
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The full name of a dataset of this pool.</summary>
    public string Dataset(string name) => $"{Name}/{name}";

    /// <summary>Whether the dataset or snapshot exists.</summary>
    public static async Task<bool> ExistsAsync(string fullName, CancellationToken cancellationToken = default) =>
        (await ZfsCommand.RunAsync("zfs", ["list", "-H", "-o", "name", "-t", "all", fullName], cancellationToken).ConfigureAwait(false)).ExitCode == 0;

    /// <summary>Creates an empty dataset mounted at <paramref name="mountpoint"/> (root-owned 0755, as a new directory).</summary>
    public async Task CreateDatasetAsync(string name, string mountpoint, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(mountpoint);
        await ZfsCommand.CheckedAsync("zfs", ["create", "-o", $"mountpoint={mountpoint}", Dataset(name)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes <c>dataset@snapshot</c>; returns its full name (the CSI snapshot handle).</summary>
    public async Task<string> SnapshotAsync(string name, string snapshot, CancellationToken cancellationToken = default)
    {
        var handle = $"{Dataset(name)}@{snapshot}";
        await ZfsCommand.CheckedAsync("zfs", ["snapshot", handle], cancellationToken).ConfigureAwait(false);
        return handle;
    }

    /// <summary>A new dataset, mounted at <paramref name="mountpoint"/>, holding what the snapshot holds.</summary>
    public async Task CloneAsync(string snapshotHandle, string name, string mountpoint, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(mountpoint);
        await ZfsCommand.CheckedAsync("zfs", ["clone", "-o", $"mountpoint={mountpoint}", snapshotHandle, Dataset(name)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Destroys a dataset (with its snapshots) or a snapshot; fails while a clone depends on it.</summary>
    public Task DestroyAsync(string fullName, CancellationToken cancellationToken = default) =>
        fullName.StartsWith(Name + "/", StringComparison.Ordinal)
            ? ZfsCommand.CheckedAsync("zfs", fullName.Contains('@', StringComparison.Ordinal) ? ["destroy", fullName] : ["destroy", "-r", fullName], cancellationToken)
            : throw new ArgumentException($"{fullName} is not of pool {Name}", nameof(fullName));

    /// <summary>Full names of the snapshots of this pool.</summary>
    public async Task<IReadOnlyList<string>> ListSnapshotsAsync(CancellationToken cancellationToken = default) =>
        [.. (await ZfsCommand.CheckedAsync("zfs", ["list", "-H", "-o", "name", "-t", "snapshot", "-r", Name], cancellationToken).ConfigureAwait(false))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Destroys the pool (its datasets unmount with it) and deletes the vdev; then leaves the daemon.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            await ZfsCommand.CheckedAsync("zpool", ["destroy", "-f", Name]).ConfigureAwait(false);
            File.Delete(vdev);
        }
        finally
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
        }
    }
}
