namespace BackendStack.PodRuntime;

/// <summary>How a container's process starts on the host: argv (argv[0] resolved on the host) and its PATH.</summary>
public sealed record LaunchPlan(IReadOnlyList<string> Argv, string Path);
