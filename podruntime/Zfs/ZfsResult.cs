namespace BackendStack.PodRuntime.Zfs;

/// <summary>What one run of <c>zfs</c> or <c>zpool</c> returned.</summary>
public sealed record ZfsResult(int ExitCode, string Output, string Errors);
