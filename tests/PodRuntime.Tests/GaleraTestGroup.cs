namespace BackendStack.PodRuntime.Tests;

/// <summary>The PerconaCluster scenarios run one at a time: each runs a Galera cluster of three to five real nodes, which two at once would starve on this machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GaleraTestGroup
{
    public const string Name = "galera";
}
