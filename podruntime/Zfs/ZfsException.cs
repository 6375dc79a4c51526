namespace BackendStack.PodRuntime.Zfs;

/// <summary>A <c>zfs</c> or <c>zpool</c> command failed; the message is the tool's own.</summary>
public sealed class ZfsException(string message) : Exception(message);
