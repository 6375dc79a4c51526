namespace BackendStack.PodRuntime.Volumes;

/// <summary>A volume cannot be set up yet (its ConfigMap, Secret or claim is missing or incomplete).</summary>
public sealed class VolumeSourceException(string message) : Exception(message);
