using BackendStack.Emulator.Tests.Support;

namespace BackendStack.Emulator.Tests.Kubectl;

/// <summary>
/// The CSI snapshot API (snapshot.storage.k8s.io/v1) and StorageClasses as kubectl sees them: classes and contents
/// cluster-scoped, snapshots namespaced, status written only through the status subresource.
/// </summary>
public sealed class VolumeSnapshotKindsTests
{
    private const string Manifests = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: zfs
        provisioner: zfs.csi.openebs.io
        parameters:
          poolname: tank
        ---
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshotClass
        metadata:
          name: zfs-snapshots
        driver: zfs.csi.openebs.io
        deletionPolicy: Delete
        ---
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshot
        metadata:
          name: data-snap
          namespace: default
        spec:
          volumeSnapshotClassName: zfs-snapshots
          source:
            persistentVolumeClaimName: data
        ---
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshotContent
        metadata:
          name: snapcontent-1
        spec:
          deletionPolicy: Delete
          driver: zfs.csi.openebs.io
          volumeSnapshotClassName: zfs-snapshots
          source:
            volumeHandle: pvc-1
          volumeSnapshotRef:
            kind: VolumeSnapshot
            name: data-snap
            namespace: default
        """;

    [Fact]
    public async Task SnapshotKindsAreServedWithUpstreamScopesFieldsAndStatusSubresources()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var k = scope.Kubectl;
        var applied = (await k.ApplyAsync(Manifests)).ShouldSucceed().Stdout;
        Assert.Contains("storageclass.storage.k8s.io/zfs created", applied);
        Assert.Contains("volumesnapshotclass.snapshot.storage.k8s.io/zfs-snapshots created", applied);
        Assert.Contains("volumesnapshot.snapshot.storage.k8s.io/data-snap created", applied);
        Assert.Contains("volumesnapshotcontent.snapshot.storage.k8s.io/snapcontent-1 created", applied);

        var resources = (await k.RunAsync("api-resources", "--api-group=snapshot.storage.k8s.io")).ShouldSucceed().Lines;
        Assert.Contains(resources, l => l.StartsWith("volumesnapshotclasses ", StringComparison.Ordinal) && l.Contains(" false ") && l.Contains("VolumeSnapshotClass"));
        Assert.Contains(resources, l => l.StartsWith("volumesnapshotcontents ", StringComparison.Ordinal) && l.Contains(" false ") && l.Contains("VolumeSnapshotContent"));
        Assert.Contains(resources, l => l.StartsWith("volumesnapshots ", StringComparison.Ordinal) && l.Contains(" true ") && l.Contains("VolumeSnapshot"));

        Assert.Equal("zfs.csi.openebs.io Delete", (await k.RunAsync("get", "volumesnapshotclass", "zfs-snapshots", "-o", "jsonpath={.driver} {.deletionPolicy}")).ShouldSucceed().Stdout);
        Assert.Equal("zfs.csi.openebs.io tank", (await k.RunAsync("get", "sc", "zfs", "-o", "jsonpath={.provisioner} {.parameters.poolname}")).ShouldSucceed().Stdout);
        Assert.Equal("data zfs-snapshots", (await k.RunAsync("get", "vs", "data-snap", "-o", "jsonpath={.spec.source.persistentVolumeClaimName} {.spec.volumeSnapshotClassName}")).ShouldSucceed().Stdout);
        Assert.Equal("pvc-1 data-snap default zfs.csi.openebs.io", (await k.RunAsync("get", "vsc", "snapcontent-1", "-o",
            "jsonpath={.spec.source.volumeHandle} {.spec.volumeSnapshotRef.name} {.spec.volumeSnapshotRef.namespace} {.spec.driver}")).ShouldSucceed().Stdout);

        // A status in a write to the main resource is ignored; through /status it lands.
        (await k.RunAsync("patch", "vs", "data-snap", "--type=merge", "-p", """{"status":{"readyToUse":true}}""")).ShouldSucceed();
        Assert.Equal("", (await k.RunAsync("get", "vs", "data-snap", "-o", "jsonpath={.status.readyToUse}")).ShouldSucceed().Stdout);
        (await k.RunAsync("patch", "vs", "data-snap", "--subresource=status", "--type=merge", "-p",
            """{"status":{"readyToUse":false,"boundVolumeSnapshotContentName":"snapcontent-1","creationTime":"2026-01-01T00:00:00Z","restoreSize":"1Gi","error":{"message":"cannot snapshot","time":"2026-01-01T00:00:00Z"}}}""")).ShouldSucceed();
        Assert.Equal("false snapcontent-1 1Gi cannot snapshot", (await k.RunAsync("get", "vs", "data-snap", "-o",
            "jsonpath={.status.readyToUse} {.status.boundVolumeSnapshotContentName} {.status.restoreSize} {.status.error.message}")).ShouldSucceed().Stdout);
        (await k.RunAsync("patch", "vsc", "snapcontent-1", "--subresource=status", "--type=merge", "-p",
            """{"status":{"readyToUse":true,"snapshotHandle":"tank/pvc-1@snapshot-1"}}""")).ShouldSucceed();
        Assert.Equal("true tank/pvc-1@snapshot-1", (await k.RunAsync("get", "vsc", "snapcontent-1", "-o", "jsonpath={.status.readyToUse} {.status.snapshotHandle}")).ShouldSucceed().Stdout);

        (await k.RunAsync("delete", "vs", "data-snap")).ShouldSucceed();
        (await k.RunAsync("delete", "vsc", "snapcontent-1")).ShouldSucceed();
        Assert.Contains("NotFound", (await k.RunAsync("get", "vs", "data-snap")).Stderr);
    }
}
