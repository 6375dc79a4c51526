namespace BackendStack.PodRuntime.Probes;

/// <summary>What a probe of one running container needs: its address, named ports, environment and the command that enters its namespaces.</summary>
public sealed record ProbeTarget(
    string PodIP,
    IReadOnlyDictionary<string, int> NamedPorts,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> ExecPrefix);
