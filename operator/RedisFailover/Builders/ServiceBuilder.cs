using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>
/// The Services: headless ones for the StatefulSets, the master Service selecting the pod the
/// operator labels master, the replicas Service, and the sentinel Service clients discover through.
/// </summary>
internal static class ServiceBuilder
{
    public static IReadOnlyList<V1Service> All(Api.RedisFailover resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new RedisFailoverNames(resource.Metadata.Name);
        var instance = resource.Metadata.Name;
        const string redis = RedisFailoverLabels.RedisComponent;
        const string sentinel = RedisFailoverLabels.SentinelComponent;
        return
        [
            Build(resource, names.RedisHeadlessService, redis, RedisFailoverLabels.Selector(instance, redis), RedisFailoverNames.RedisPort, headless: true),
            Build(resource, names.MasterService, redis, RedisFailoverLabels.RoleSelector(instance, RedisFailoverLabels.MasterRole), RedisFailoverNames.RedisPort, headless: false),
            Build(resource, names.ReplicasService, redis, RedisFailoverLabels.RoleSelector(instance, RedisFailoverLabels.ReplicaRole), RedisFailoverNames.RedisPort, headless: false),
            Build(resource, names.SentinelHeadlessService, sentinel, RedisFailoverLabels.Selector(instance, sentinel), RedisFailoverNames.SentinelPort, headless: true),
            Build(resource, names.SentinelService, sentinel, RedisFailoverLabels.Selector(instance, sentinel), RedisFailoverNames.SentinelPort, headless: false),
        ];
    }

    private static V1Service Build(Api.RedisFailover resource, string name, string component, Dictionary<string, string> selector, int port, bool headless) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = ChildMetadata.For(resource, name, RedisFailoverLabels.For(resource.Metadata.Name, component)),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            ClusterIP = headless ? "None" : null,
            // Peers must resolve each other before they are ready, or nothing ever becomes ready.
            PublishNotReadyAddresses = headless ? true : null,
            Selector = selector,
            Ports = [new V1ServicePort { Port = port, Name = component, Protocol = "TCP", TargetPort = port }],
        },
    };
}
