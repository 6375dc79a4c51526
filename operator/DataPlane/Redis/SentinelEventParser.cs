namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>Turns a sentinel's channel name and payload into a <see cref="SentinelEvent"/>.</summary>
internal static class SentinelEventParser
{
    public static readonly IReadOnlyDictionary<string, SentinelEventKind> Channels = new Dictionary<string, SentinelEventKind>(StringComparer.Ordinal)
    {
        ["+switch-master"] = SentinelEventKind.SwitchMaster,
        ["+sdown"] = SentinelEventKind.SubjectivelyDown,
        ["-sdown"] = SentinelEventKind.SubjectivelyDownCleared,
        ["+odown"] = SentinelEventKind.ObjectivelyDown,
        ["-odown"] = SentinelEventKind.ObjectivelyDownCleared,
        ["-role-change"] = SentinelEventKind.RoleMismatch,
        ["+convert-to-slave"] = SentinelEventKind.ConvertedToReplica,
    };

    /// <summary>Null when the channel is not followed or the payload is not in Sentinel's format.</summary>
    public static SentinelEvent? Parse(string channel, string payload, RedisEndpoint sentinel, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!Channels.TryGetValue(channel, out var kind))
        {
            return null;
        }

        var words = payload.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (kind == SentinelEventKind.SwitchMaster)
        {
            // <master name> <old ip> <old port> <new ip> <new port>
            return words.Length >= 5 && Port(words[2]) is { } oldPort && Port(words[4]) is { } newPort
                ? new SentinelEvent(kind, sentinel, words[0], "master", new RedisEndpoint(words[3], newPort), new RedisEndpoint(words[1], oldPort), receivedAt)
                : null;
        }

        // <instance type> <name> <ip> <port> [@ <master name> <master ip> <master port>] [#quorum n/m]
        if (words.Length < 4 || Port(words[3]) is not { } port)
        {
            return null;
        }

        var at = Array.IndexOf(words, "@");
        var masterName = at >= 0 && at + 1 < words.Length ? words[at + 1] : words[1];
        return new SentinelEvent(kind, sentinel, masterName, words[0], new RedisEndpoint(words[2], port), null, receivedAt);
    }

    private static int? Port(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
}
