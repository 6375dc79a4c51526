using System.Globalization;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>
/// The node ConfigMap: node.cnf and the operator's scripts (mounted in every node; a change rolls the nodes), and
/// two keys read through environment variables at each container start, which change without a roll: <c>size</c>
/// (the peers a starting node looks for) and <c>bootstrap</c> (<see cref="PerconaClusterNames.NewCluster"/> until the
/// cluster has formed, then <see cref="PerconaClusterNames.Join"/>).
/// </summary>
internal static class ConfigMapBuilder
{
    public static V1ConfigMap Build(Api.PerconaCluster resource, NodeConfig config, int peers, bool newCluster)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(config);
        var names = new PerconaClusterNames(resource.Metadata.Name);
        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = ChildMetadata.For(resource, names.ConfigMap, PerconaClusterLabels.For(resource.Metadata.Name)),
            Data = new Dictionary<string, string>
            {
                [PerconaClusterNames.NodeConfigKey] = config.Text,
                [PerconaClusterNames.ProviderOptionsKey] = config.ProviderOptions,
                [PerconaClusterNames.StartScriptKey] = NodeScripts.Start,
                [PerconaClusterNames.ReadyScriptKey] = NodeScripts.Ready,
                [PerconaClusterNames.PositionScriptKey] = NodeScripts.Position,
                [PerconaClusterNames.BootstrapScriptKey] = NodeScripts.Bootstrap,
                [PerconaClusterNames.SizeKey] = peers.ToString(CultureInfo.InvariantCulture),
                [PerconaClusterNames.BootstrapKey] = newCluster ? PerconaClusterNames.NewCluster : PerconaClusterNames.Join,
            },
        };
    }
}
