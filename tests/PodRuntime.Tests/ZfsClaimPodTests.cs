using BackendStack.PodRuntime.Zfs;
using k8s;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>A claim of a zfs-localpv StorageClass, on an emulator whose Pods run locally, is a real dataset of the runtime's pool.</summary>
[Collection(ZfsTestGroup.Name)]
public sealed class ZfsClaimPodTests
{
    [ZfsFact]
    public async Task ZfsClaimIsADatasetAPodAsUserMysqlWritesAndTheRuntimeDestroysItsPool()
    {
        string poolName;
        await using (var cluster = await LocalPodsEmulator.StartAsync())
        {
            var client = cluster.Client;
            await client.StorageV1.CreateStorageClassAsync(new V1StorageClass
            {
                Metadata = new V1ObjectMeta { Name = "zfs" },
                Provisioner = ZfsClaimProvisioner.Driver,
                Parameters = new Dictionary<string, string> { ["poolname"] = "zfspv-pool" },
            });
            var claim = await client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(new V1PersistentVolumeClaim
            {
                Metadata = new V1ObjectMeta { Name = "data" },
                Spec = new V1PersistentVolumeClaimSpec
                {
                    StorageClassName = "zfs",
                    AccessModes = ["ReadWriteOnce"],
                    Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("100Mi") } },
                },
            }, "default");
            var pod = PodBuilder.Shell("writer", "echo before > /data/file; exec sleep 600",
                new V1Volume { Name = "data", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = "data" } });
            pod.App().VolumeMounts = [PodBuilder.Mount("data", "/data")];
            pod.Spec.SecurityContext = new V1PodSecurityContext { RunAsUser = 102, RunAsGroup = 105, FsGroup = 105 };
            await client.CoreV1.CreateNamespacedPodAsync(pod, "default");

            await Eventually.ValueAsync(() => client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("data", "default"), c => c.Status?.Phase == "Bound", "claim bound");
            var directory = cluster.Runtime.Layout.ClaimDirectory("default", "data", claim.Metadata.Uid);
            await Eventually.ValueAsync(() => Task.FromResult(File.Exists(Path.Combine(directory, "file"))), e => e, "the Pod's file in the dataset");
            poolName = cluster.Emulator.LocalPods!.ZfsPool!.Name;
            var mounted = (await ZfsCommand.RunAsync("zfs", ["get", "-H", "-o", "value", "mountpoint", $"{poolName}/pvc-{claim.Metadata.Uid}"])).Output.Trim();
            Assert.Equal(directory, mounted);
        }

        var pools = (await ZfsCommand.RunAsync("zpool", ["list", "-H", "-o", "name"])).Output;
        Assert.DoesNotContain(poolName, pools, StringComparison.Ordinal);
    }
}
