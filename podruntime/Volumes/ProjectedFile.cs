namespace BackendStack.PodRuntime.Volumes;

/// <summary>One file of a ConfigMap or Secret volume: path relative to the volume, content, mode bits.</summary>
public sealed record ProjectedFile(string Path, byte[] Content, int Mode);
