namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>What the sentinels together say about the master.</summary>
internal enum SentinelAgreementKind
{
    /// <summary>At least quorum sentinels name the same master and none names another.</summary>
    Agreed,

    /// <summary>Enough sentinels answer but none monitors the master name yet (bootstrap, or all of them lost their state).</summary>
    Unmonitored,

    /// <summary>Fewer than quorum sentinels answer and monitor: Sentinel cannot fail over on its own.</summary>
    NoQuorum,

    /// <summary>Sentinels name different masters: wait, change nothing.</summary>
    Disagree,

    /// <summary>A sentinel reports the master down or a failover running: Sentinel decides, wait.</summary>
    FailoverInProgress,
}
