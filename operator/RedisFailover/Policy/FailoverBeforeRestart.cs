using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>SENTINEL FAILOVER on one sentinel: the outdated master hands over to an updated replica before it restarts.</summary>
internal sealed record FailoverBeforeRestart(RollPod Master, RedisEndpoint Sentinel) : RollStep(HealReasons.MasterChanged)
{
    public override string Describe() => $"Asked sentinel {Sentinel} to fail over from {Master.Name} before it restarts on the new revision";
}
