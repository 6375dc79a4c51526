namespace BackendStack.PodRuntime.Volumes;

/// <summary>A host path made to appear at <paramref name="Target"/> inside a container's mount namespace.</summary>
public sealed record BindMount(string Source, string Target, bool ReadOnly);
