namespace BackendStack.PodRuntime.Tests;

/// <summary>One kill of a proxy's writer node: the time from the kill to that proxy's first acknowledged write, and the writes that failed in between.</summary>
internal readonly record struct FailoverSample(string Via, TimeSpan ToFirstWrite, int FailedWrites);
