namespace BackendStack.Operator.RedisFailovers.Status;

/// <summary>A pod as the cache shows it: name, IP (null before it has one) and readiness.</summary>
internal sealed record PodState(string Name, string? Ip, bool Ready)
{
    /// <summary>The pod at the endpoint's address, or null.</summary>
    public static PodState? At(IEnumerable<PodState> pods, DataPlane.Redis.RedisEndpoint endpoint) => pods.FirstOrDefault(p => p.Ip == endpoint.Host);

    /// <summary>The name of the pod at the endpoint's address, or the endpoint itself when no pod has it.</summary>
    public static string NameAt(IEnumerable<PodState> pods, DataPlane.Redis.RedisEndpoint endpoint) => At(pods, endpoint)?.Name ?? endpoint.ToString();
}
