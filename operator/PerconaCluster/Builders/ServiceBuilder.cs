using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>
/// The headless Service that gives each node its stable name (published before the node is ready, so peers find
/// each other while they join) and the client Service on 3306, which only ready (Synced) nodes back.
/// </summary>
internal static class ServiceBuilder
{
    public static V1Service Peers(Api.PerconaCluster resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new PerconaClusterNames(resource.Metadata.Name);
        return Build(resource, names.PeerService, new V1ServiceSpec
        {
            ClusterIP = "None",
            PublishNotReadyAddresses = true,
            Selector = PerconaClusterLabels.Selector(resource.Metadata.Name),
            Ports =
            [
                Port("mysql", PerconaClusterNames.MysqlPort),
                Port("galera", PerconaClusterNames.GaleraPort),
                Port("ist", PerconaClusterNames.IstPort),
                Port("sst", PerconaClusterNames.SstPort),
            ],
        });
    }

    public static V1Service Client(Api.PerconaCluster resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new PerconaClusterNames(resource.Metadata.Name);
        return Build(resource, names.ClientService, new V1ServiceSpec
        {
            Selector = PerconaClusterLabels.Selector(resource.Metadata.Name),
            Ports = [Port("mysql", PerconaClusterNames.MysqlPort)],
        });
    }

    private static V1Service Build(Api.PerconaCluster resource, string name, V1ServiceSpec spec) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = ChildMetadata.For(resource, name, PerconaClusterLabels.For(resource.Metadata.Name)),
        Spec = spec,
    };

    private static V1ServicePort Port(string name, int port) => new() { Name = name, Port = port, TargetPort = port, Protocol = "TCP" };
}
