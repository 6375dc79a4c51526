namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>Another sentinel as one sentinel knows it (SENTINEL SENTINELS).</summary>
internal sealed record SentinelPeerView(RedisEndpoint Endpoint, string RunId, IReadOnlySet<string> Flags)
{
    public bool IsDown => Flags.Contains("s_down") || Flags.Contains("o_down") || Flags.Contains("disconnected");

    public static SentinelPeerView From(SentinelFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new SentinelPeerView(f.Endpoint(), f.Text("runid"), f.Flags());
    }
}
