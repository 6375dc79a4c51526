namespace BackendStack.Operator.RedisFailovers.Status;

/// <summary>A pod as the cache shows it: name, IP (null before it has one) and readiness.</summary>
internal sealed record PodState(string Name, string? Ip, bool Ready);
