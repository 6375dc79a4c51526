using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.GlusterVolumes.Builders;

/// <summary>
/// The headless Service <c>&lt;name&gt;-gluster</c> that gives each glusterd pod its stable name, published before the
/// pod is ready (peers are probed and bricks created by these names while the pool forms); clients mount through it.
/// </summary>
internal static class ServiceBuilder
{
    public static V1Service Peers(Api.GlusterVolume resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new GlusterVolumeNames(resource.Metadata.Name);
        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = ChildMetadata.For(resource, names.PeerService, GlusterVolumeLabels.For(resource.Metadata.Name)),
            Spec = new V1ServiceSpec
            {
                ClusterIP = "None",
                PublishNotReadyAddresses = true,
                Selector = GlusterVolumeLabels.Selector(resource.Metadata.Name),
                Ports =
                [
                    new V1ServicePort { Name = "glusterd", Port = GlusterVolumeNames.ManagementPort, TargetPort = GlusterVolumeNames.ManagementPort, Protocol = "TCP" },
                ],
            },
        };
    }
}
