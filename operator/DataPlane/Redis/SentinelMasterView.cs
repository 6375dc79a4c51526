namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>A monitored master as one sentinel sees it (SENTINEL MASTER).</summary>
internal sealed record SentinelMasterView(
    string Name,
    RedisEndpoint Endpoint,
    IReadOnlySet<string> Flags,
    int NumReplicas,
    int NumOtherSentinels,
    int Quorum,
    long DownAfterMilliseconds,
    long FailoverTimeout,
    int ParallelSyncs,
    long ConfigEpoch)
{
    /// <summary>Subjectively or objectively down, or a failover in progress.</summary>
    public bool IsDown => Flags.Contains("s_down") || Flags.Contains("o_down");

    public bool FailoverInProgress => Flags.Contains("failover_in_progress");

    public static SentinelMasterView From(SentinelFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new SentinelMasterView(
            f.Text("name"),
            f.Endpoint(),
            f.Flags(),
            (int)f.Number("num-slaves"),
            (int)f.Number("num-other-sentinels"),
            (int)f.Number("quorum"),
            f.Number("down-after-milliseconds"),
            f.Number("failover-timeout"),
            (int)f.Number("parallel-syncs"),
            f.Number("config-epoch"));
    }
}
