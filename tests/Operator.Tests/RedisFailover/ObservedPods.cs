using BackendStack.Operator.RedisFailovers.Status;

namespace BackendStack.Tests.RedisPolicy;

/// <summary>The pods the status tests observe (pod N of <see cref="Observed"/> at its address, all Ready), a fixed clock, and a condition lookup.</summary>
internal static class ObservedPods
{
    public static readonly DateTime T0 = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    public static readonly PodState[] RedisPods = [new("rf-redis-0", "10.0.0.0", true), new("rf-redis-1", "10.0.0.1", true), new("rf-redis-2", "10.0.0.2", true)];

    public static readonly PodState[] SentinelPods = [new("rf-sentinel-0", "10.0.1.1", true), new("rf-sentinel-1", "10.0.1.2", true), new("rf-sentinel-2", "10.0.1.3", true)];

    public static k8s.Models.V1Condition Condition(Operator.Api.RedisFailoverStatus status, string type) => status.Conditions!.Single(c => c.Type == type);
}
