using BackendStack.Operator.Api;
using BackendStack.Operator.GlusterVolumes.Builders;
using k8s.Models;

namespace BackendStack.Tests.GlusterVolumePolicy;

/// <summary>The children of a GlusterVolume: a StatefulSet of glusterd pods with one brick claim each, the headless Service, a budget of one.</summary>
public sealed class GlusterVolumeBuildersTests
{
    private static GlusterVolume Resource(Action<GlusterVolumeSpec>? spec = null)
    {
        var resource = new GlusterVolume { Metadata = new V1ObjectMeta { Name = "files", NamespaceProperty = "web", Uid = "u1" } };
        resource.Spec.BrickStorage = new StorageSpec { Size = "2Gi", StorageClassName = "fast" };
        spec?.Invoke(resource.Spec);
        return resource;
    }

    [Fact]
    public void StatefulSetRunsReplicasGlusterdPodsWithTheBrickAndStateOnOneClaim()
    {
        var set = StatefulSetBuilder.Build(Resource(s => s.Replicas = 5));

        Assert.Equal(("files-gluster", 5, "files-gluster", "Parallel"), (set.Metadata.Name, set.Spec.Replicas, set.Spec.ServiceName, set.Spec.PodManagementPolicy));
        var container = Assert.Single(set.Spec.Template.Spec.Containers);
        Assert.Equal("gluster/gluster-centos:latest", container.Image);
        Assert.Equal(
            [("brick", "/bricks", "bricks"), ("brick", "/var/lib/glusterd", "glusterd")],
            container.VolumeMounts.Select(m => (m.Name, m.MountPath, m.SubPath)));
        Assert.Equal("24007", container.ReadinessProbe.TcpSocket.Port.Value);
        var claim = Assert.Single(set.Spec.VolumeClaimTemplates);
        Assert.Equal(("brick", "fast", "2Gi"), (claim.Metadata.Name, claim.Spec.StorageClassName, claim.Spec.Resources.Requests["storage"].ToString()));
        Assert.Equal("Retain", set.Spec.PersistentVolumeClaimRetentionPolicy.WhenDeleted);
        Assert.Equal("Delete", StatefulSetBuilder.Build(Resource(s => s.BrickStorage.DeletePolicy = DeletePolicy.Delete)).Spec.PersistentVolumeClaimRetentionPolicy.WhenDeleted);
    }

    [Fact]
    public void HeadlessServicePublishesPodsBeforeTheyAreReady()
    {
        var service = ServiceBuilder.Peers(Resource());

        Assert.Equal(("files-gluster", "None", true), (service.Metadata.Name, service.Spec.ClusterIP, service.Spec.PublishNotReadyAddresses));
        Assert.Equal(24007, Assert.Single(service.Spec.Ports).Port);
        Assert.Equal(GlusterVolumeLabels.Selector("files"), service.Spec.Selector);
    }

    [Fact]
    public void BudgetLetsOneBrickGoAtATime()
    {
        var budget = DisruptionBudgetBuilder.Build(Resource());

        Assert.Equal("files-gluster", budget.Metadata.Name);
        Assert.Equal("1", budget.Spec.MaxUnavailable.Value);
    }

    [Fact]
    public void BricksAreKnownByStablePodNamesAndClientsMountTheService()
    {
        var names = new GlusterVolumeNames("files");

        Assert.Equal("files-gluster-1.files-gluster.web.svc.cluster.local:/bricks/files/brick", names.Brick(names.Pod(1), "web"));
        Assert.Equal("files-gluster.web.svc.cluster.local:/files", names.Mount("web"));
        Assert.Equal("files-gluster-2", names.PodOfHost("files-gluster-2.files-gluster.web.svc.cluster.local"));
        Assert.Null(names.PodOfHost("127.0.1.5"));
        Assert.Equal("brick-files-gluster-0", names.Claim(0));
    }
}
