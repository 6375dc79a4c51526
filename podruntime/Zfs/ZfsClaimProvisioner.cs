using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.PodRuntime.Zfs;

/// <summary>
/// The zfs-localpv provisioner of the local pod runtime: a claim the API server left to <see cref="Driver"/> (annotated
/// <see cref="ProvisionerAnnotation"/>) becomes a dataset <c>pvc-&lt;uid&gt;</c> of this runtime's pool, mounted as the
/// claim's directory, and is then bound; a dataset whose claim is gone is destroyed. The pool is created at the first
/// such claim and destroyed on dispose. Without zfs-fuse a claim stays Pending and the reason is logged once.
/// </summary>
public sealed partial class ZfsClaimProvisioner(IKubernetes client, RuntimeLayout layout, string runtimeId, ILogger logger) : IAsyncDisposable
{
    public const string Driver = "zfs.csi.openebs.io";

    public const string ProvisionerAnnotation = "volume.kubernetes.io/storage-provisioner";

    private readonly Dictionary<string, string> datasets = new(StringComparer.Ordinal);
    private ZfsPool? pool;
    private bool reportedMissing;

    /// <summary>The runtime's pool once a claim made it, else null.</summary>
    public ZfsPool? Pool => pool;

    /// <summary>Whether a claim is one this provisioner serves.</summary>
    public static bool Serves(V1PersistentVolumeClaim claim) =>
        claim.Metadata.Annotations?.TryGetValue(ProvisionerAnnotation, out var driver) == true && driver == Driver;

    /// <summary>Level-triggered: provisions and binds pending claims, destroys datasets of claims that are gone.</summary>
    public async Task SyncAsync(IReadOnlyList<V1PersistentVolumeClaim> claims, CancellationToken cancellationToken)
    {
        foreach (var claim in claims.Where(c => Serves(c) && c.Status?.Phase != "Bound" && c.Metadata.DeletionTimestamp is null))
        {
            if (ZfsAvailability.MissingBecause() is { } missing)
            {
                if (!reportedMissing)
                {
                    reportedMissing = true;
                    LogMissing(logger, ZfsAvailability.MissingReason, missing);
                }

                continue;
            }

            await ProvisionAsync(claim, cancellationToken).ConfigureAwait(false);
        }

        var present = claims.Select(c => c.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
        foreach (var (uid, dataset) in datasets.Where(d => !present.Contains(d.Key)).ToList())
        {
            await pool!.DestroyAsync(dataset, cancellationToken).ConfigureAwait(false);
            datasets.Remove(uid);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (pool is not null)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ProvisionAsync(V1PersistentVolumeClaim claim, CancellationToken cancellationToken)
    {
        pool ??= await ZfsPool.CreateAsync(Path.Combine(layout.Root, "zfs"), runtimeId, cancellationToken).ConfigureAwait(false);
        var uid = claim.Metadata.Uid;
        var name = $"pvc-{uid}";
        if (!await ZfsPool.ExistsAsync(pool.Dataset(name), cancellationToken).ConfigureAwait(false))
        {
            await pool.CreateDatasetAsync(name, layout.ClaimDirectory(claim.Metadata.NamespaceProperty, claim.Metadata.Name, uid), cancellationToken).ConfigureAwait(false);
        }

        var dataset = pool.Dataset(name);
        datasets[uid] = dataset;
        var status = new V1PersistentVolumeClaimStatus
        {
            Phase = "Bound",
            AccessModes = claim.Spec.AccessModes ?? ["ReadWriteOnce"],
            Capacity = new Dictionary<string, ResourceQuantity>
            {
                ["storage"] = claim.Spec.Resources?.Requests?.TryGetValue("storage", out var size) == true ? size : new ResourceQuantity("1Gi"),
            },
        };
        var patch = new V1Patch(KubernetesJson.Serialize(new { status }), V1Patch.PatchType.MergePatch);
        await client.CoreV1.PatchNamespacedPersistentVolumeClaimStatusAsync(patch, claim.Metadata.Name, claim.Metadata.NamespaceProperty, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        LogProvisioned(logger, claim.Metadata.NamespaceProperty, claim.Metadata.Name, dataset);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "zfs claims stay Pending ({Reason}): {Message}")]
    private static partial void LogMissing(ILogger logger, string reason, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "claim {Namespace}/{Claim} provisioned as zfs dataset {Dataset}")]
    private static partial void LogProvisioned(ILogger logger, string @namespace, string claim, string dataset);
}
