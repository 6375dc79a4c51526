using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.GlusterVolumes.Builders;

/// <summary>
/// The StatefulSet <c>&lt;name&gt;-gluster</c> of <c>spec.replicas</c> glusterd pods, started in parallel (the operator,
/// not start order, forms the pool). Each pod's claim (volumeClaimTemplate <c>brick</c>, <c>spec.brickStorage</c>) holds
/// the brick under <c>/bricks</c> and glusterd's state under <c>/var/lib/glusterd</c>, so a restarted container keeps its
/// peers and volume. Ready once glusterd listens; whether its brick is online is the operator's to read.
/// </summary>
internal static class StatefulSetBuilder
{
    public static V1StatefulSet Build(GlusterVolume resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new GlusterVolumeNames(resource.Metadata.Name);
        var storage = resource.Spec.BrickStorage;
        return new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = ChildMetadata.For(resource, names.StatefulSet, GlusterVolumeLabels.For(resource.Metadata.Name)),
            Spec = new V1StatefulSetSpec
            {
                Replicas = resource.Spec.Replicas,
                ServiceName = names.PeerService,
                PodManagementPolicy = "Parallel",
                Selector = new V1LabelSelector { MatchLabels = GlusterVolumeLabels.Selector(resource.Metadata.Name) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = GlusterVolumeLabels.For(resource.Metadata.Name) },
                    Spec = new V1PodSpec { TerminationGracePeriodSeconds = 30, Containers = [Container(resource)] },
                },
                VolumeClaimTemplates =
                [
                    new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = GlusterVolumeNames.ClaimTemplate, Labels = GlusterVolumeLabels.For(resource.Metadata.Name) },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            StorageClassName = storage.StorageClassName,
                            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(storage.Size) } },
                        },
                    },
                ],
                PersistentVolumeClaimRetentionPolicy = new V1StatefulSetPersistentVolumeClaimRetentionPolicy
                {
                    WhenDeleted = storage.DeletePolicy == DeletePolicy.Delete ? "Delete" : "Retain",
                    WhenScaled = "Retain",
                },
            },
        };
    }

    private static V1Container Container(GlusterVolume resource) => new()
    {
        Name = GlusterVolumeNames.ContainerName,
        Image = resource.Spec.Image,
        Ports =
        [
            new V1ContainerPort { Name = "glusterd", ContainerPort = GlusterVolumeNames.ManagementPort },
        ],
        VolumeMounts =
        [
            new V1VolumeMount { Name = GlusterVolumeNames.ClaimTemplate, MountPath = GlusterVolumeNames.BricksDirectory, SubPath = GlusterVolumeNames.BricksSubPath },
            new V1VolumeMount { Name = GlusterVolumeNames.ClaimTemplate, MountPath = GlusterVolumeNames.StateDirectory, SubPath = GlusterVolumeNames.StateSubPath },
        ],
        ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = GlusterVolumeNames.ManagementPort }, PeriodSeconds = 2, FailureThreshold = 2 },
        LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = GlusterVolumeNames.ManagementPort }, InitialDelaySeconds = 10, PeriodSeconds = 10, FailureThreshold = 3 },
    };
}
