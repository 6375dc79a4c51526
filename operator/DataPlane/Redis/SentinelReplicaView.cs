namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>A replica as one sentinel sees it (SENTINEL REPLICAS).</summary>
internal sealed record SentinelReplicaView(
    RedisEndpoint Endpoint,
    IReadOnlySet<string> Flags,
    bool MasterLinkUp,
    RedisEndpoint Master,
    long ReplicationOffset)
{
    public bool IsDown => Flags.Contains("s_down") || Flags.Contains("o_down") || Flags.Contains("disconnected");

    public static SentinelReplicaView From(SentinelFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new SentinelReplicaView(
            f.Endpoint(),
            f.Flags(),
            f.Text("master-link-status") == "ok",
            f.Endpoint("master-host", "master-port"),
            f.Number("slave-repl-offset"));
    }
}
