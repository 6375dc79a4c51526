using System.Globalization;

namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>The flat name/value list Sentinel answers SENTINEL MASTER/REPLICAS/SENTINELS with.</summary>
internal sealed class SentinelFields(IEnumerable<KeyValuePair<string, string>> pairs)
{
    private readonly Dictionary<string, string> values = pairs
        .GroupBy(p => p.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    public string Text(string key) => values.GetValueOrDefault(key, "");

    public long Number(string key) =>
        long.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public RedisEndpoint Endpoint(string hostKey = "ip", string portKey = "port") =>
        RedisEndpoint.Parse(Text(hostKey), values.ContainsKey(portKey) ? Text(portKey) : "0");

    /// <summary>Sentinel's comma separated flags, e.g. "master,s_down,o_down".</summary>
    public IReadOnlySet<string> Flags() =>
        Text("flags").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
