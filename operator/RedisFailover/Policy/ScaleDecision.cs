namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>The replicas to give the StatefulSets now, and the failover to ask for first when the next pod to remove is the master.</summary>
internal sealed record ScaleDecision(int RedisReplicas, int SentinelReplicas, HandOverMaster? HandOver);
