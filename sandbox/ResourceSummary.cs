namespace BackendStack.Sandbox;

/// <summary>One line of the live summary: a resource or a Pod, its phase and what its conditions or containers say.</summary>
public sealed record ResourceSummary(string Name, string Phase, string Detail, bool Ready);
