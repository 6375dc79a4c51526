namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>Commands to individual sentinels. Every call names the sentinel it goes to.</summary>
internal interface ISentinelClient
{
    /// <summary>SENTINEL MASTER/REPLICAS/SENTINELS for one master name, never throwing for an unreachable sentinel.</summary>
    Task<SentinelObservation> ObserveAsync(RedisEndpoint sentinel, string masterName, CancellationToken cancellationToken);

    /// <summary>SENTINEL GET-MASTER-ADDR-BY-NAME; null when the sentinel does not monitor the name.</summary>
    Task<RedisEndpoint?> GetMasterAddressAsync(RedisEndpoint sentinel, string masterName, CancellationToken cancellationToken);

    /// <summary>SENTINEL MONITOR followed by SENTINEL SET of the timings and, when given, auth-pass.</summary>
    Task MonitorAsync(RedisEndpoint sentinel, string masterName, RedisEndpoint master, SentinelMonitorSettings settings, string? authPassword, CancellationToken cancellationToken);

    /// <summary>SENTINEL SET of the timings and quorum on an already monitored master.</summary>
    Task SetAsync(RedisEndpoint sentinel, string masterName, SentinelMonitorSettings settings, CancellationToken cancellationToken);

    /// <summary>SENTINEL RESET: forget replicas and sentinels, rediscover them. Returns how many masters were reset.</summary>
    Task<int> ResetAsync(RedisEndpoint sentinel, string masterName, CancellationToken cancellationToken);

    /// <summary>SENTINEL FAILOVER: ask for a failover without agreement from other sentinels.</summary>
    Task FailoverAsync(RedisEndpoint sentinel, string masterName, CancellationToken cancellationToken);

    /// <summary>SENTINEL REMOVE.</summary>
    Task RemoveAsync(RedisEndpoint sentinel, string masterName, CancellationToken cancellationToken);
}
