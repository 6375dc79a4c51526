namespace BackendStack.Tests.Redis;

/// <summary>Tests whose emulator hands out the same pod IPs (127.B.1.x, B drawn once per run) run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatedRedisPodsGroup
{
    public const string Name = "emulated redis pods";
}
