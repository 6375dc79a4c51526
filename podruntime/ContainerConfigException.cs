namespace BackendStack.PodRuntime;

/// <summary>A container cannot be configured yet (CreateContainerConfigError in the kubelet's words).</summary>
public sealed class ContainerConfigException(string message) : Exception(message);
