namespace BackendStack.PodRuntime.Tests;

/// <summary>The GlusterVolume scenarios run one at a time, and never beside the Galera ones: each runs three real glusterd pods with their bricks.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlusterTestGroup
{
    public const string Name = "gluster";
}
