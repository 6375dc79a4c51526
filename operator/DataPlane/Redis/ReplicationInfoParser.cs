using System.Globalization;

namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>Parses the text of INFO replication.</summary>
internal static class ReplicationInfoParser
{
    public static ReplicationInfo Parse(string info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var replicas = new List<ConnectedReplica>();
        foreach (var rawLine in info.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || colon < 0)
            {
                continue;
            }

            var key = line[..colon];
            var value = line[(colon + 1)..];
            if (key.StartsWith("slave", StringComparison.Ordinal) && key.Length > 5 && char.IsDigit(key[5]))
            {
                replicas.Add(ParseReplica(value));
            }
            else
            {
                fields[key] = value;
            }
        }

        var role = fields.GetValueOrDefault("role") switch
        {
            "master" => RedisRole.Master,
            "slave" or "replica" => RedisRole.Replica,
            _ => RedisRole.Unknown,
        };
        RedisEndpoint? master = role == RedisRole.Replica
            && fields.TryGetValue("master_host", out var host)
            && fields.TryGetValue("master_port", out var port)
            ? RedisEndpoint.Parse(host, port)
            : null;
        return new ReplicationInfo(
            role,
            Long(fields, "master_repl_offset"),
            (int)Long(fields, "connected_slaves"),
            master,
            fields.GetValueOrDefault("master_link_status") == "up",
            replicas);
    }

    private static ConnectedReplica ParseReplica(string value)
    {
        var parts = value.Split(',')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return new ConnectedReplica(
            RedisEndpoint.Parse(parts.GetValueOrDefault("ip", ""), parts.GetValueOrDefault("port", "0")),
            parts.GetValueOrDefault("state", ""),
            Long(parts, "offset"));
    }

    private static long Long(Dictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
