namespace BackendStack.PodRuntime.Tests;

/// <summary>One kill -9 of a node: to its eviction as the other nodes report it, and from there to the status showing it.</summary>
internal sealed record NodeKillSample(TimeSpan ToEviction, TimeSpan EvictionToStatus, TimeSpan ToReadyAgain)
{
    public override string ToString() => $"eviction {ToEviction.TotalMilliseconds:0} ms, status +{EvictionToStatus.TotalMilliseconds:0} ms, Ready again {ToReadyAgain.TotalSeconds:0.0} s";
}
