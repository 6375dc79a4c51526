using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>SENTINEL FAILOVER on one sentinel before a scale-down would remove the master pod: Sentinel moves the master first, a later check shrinks.</summary>
internal sealed record HandOverMaster(RedisEndpoint Sentinel, RedisEndpoint Master, string? MasterPod) : HealAction(HealReasons.MasterChanged)
{
    public override string Describe() => $"Asked Sentinel to fail over before removing master pod {MasterPod}";
}
