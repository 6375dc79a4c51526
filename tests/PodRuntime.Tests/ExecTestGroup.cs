namespace BackendStack.PodRuntime.Tests;

/// <summary>The exec tests share one <see cref="ExecCluster"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ExecTestGroup : ICollectionFixture<ExecCluster>
{
    public const string Name = "exec";
}
