namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// Tests that count the holders of the machine's one zfs-fuse daemon: run one at a time, so "the last one stops it"
/// is not blurred by another test class holding a lease meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ZfsTestGroup
{
    public const string Name = "zfs-fuse daemon";
}
