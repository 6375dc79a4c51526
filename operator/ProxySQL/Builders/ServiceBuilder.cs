using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>
/// The client Service <c>&lt;name&gt;</c> (port 3306 to ProxySQL's 6033, ready pods only: what applications connect to) and
/// the headless Service that names each pod of the StatefulSet.
/// </summary>
internal static class ServiceBuilder
{
    public static V1Service Client(Api.ProxySQL resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new ProxySqlNames(resource.Metadata.Name);
        return Build(resource, names.ClientService, new V1ServiceSpec
        {
            Selector = ProxySqlLabels.Selector(resource.Metadata.Name),
            Ports = [new V1ServicePort { Name = "mysql", Port = ProxySqlNames.ServicePort, TargetPort = ProxySqlNames.MysqlPort, Protocol = "TCP" }],
        });
    }

    public static V1Service Peers(Api.ProxySQL resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new ProxySqlNames(resource.Metadata.Name);
        return Build(resource, names.PeerService, new V1ServiceSpec
        {
            ClusterIP = "None",
            PublishNotReadyAddresses = true,
            Selector = ProxySqlLabels.Selector(resource.Metadata.Name),
            Ports =
            [
                new V1ServicePort { Name = "admin", Port = ProxySqlNames.AdminPort, TargetPort = ProxySqlNames.AdminPort, Protocol = "TCP" },
                new V1ServicePort { Name = "mysql", Port = ProxySqlNames.MysqlPort, TargetPort = ProxySqlNames.MysqlPort, Protocol = "TCP" },
            ],
        });
    }

    private static V1Service Build(Api.ProxySQL resource, string name, V1ServiceSpec spec) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = ChildMetadata.For(resource, name, ProxySqlLabels.For(resource.Metadata.Name)),
        Spec = spec,
    };
}
