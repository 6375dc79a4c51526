using StackExchange.Redis;

namespace BackendStack.PodRuntime.Tests;

/// <summary>One command to one Redis server (master or replica alike), authenticated, on a connection of its own.</summary>
internal static class RedisCommand
{
    public static async Task<string> RunAsync(string host, string password, string command, params object[] arguments) =>
        (await ExecuteAsync(host, 6379, password, CommandMap.Default, command, arguments)).ToString();

    /// <summary>The value CONFIG GET reports for one directive.</summary>
    public static async Task<string> ConfigGetAsync(string host, string password, string directive) =>
        ((RedisResult[])(await ExecuteAsync(host, 6379, password, CommandMap.Default, "CONFIG", "GET", directive))!)[1].ToString();

    /// <summary>The master's address the sentinel at <paramref name="host"/> names for <paramref name="masterName"/>, or null.</summary>
    public static async Task<string?> SentinelMasterIpAsync(string host, string password, string masterName)
    {
        var reply = await ExecuteAsync(host, 26379, password, CommandMap.Sentinel, "SENTINEL", "get-master-addr-by-name", masterName);
        return reply.IsNull ? null : ((RedisResult[])reply!)[0].ToString();
    }

    private static async Task<RedisResult> ExecuteAsync(string host, int port, string password, CommandMap commands, string command, params object[] arguments)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { host, port } },
            Password = password,
            AllowAdmin = true,
            CommandMap = commands,
            ConnectTimeout = 3000,
            AsyncTimeout = 3000,
            ConnectRetry = 1,
        };
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        return await connection.GetServer(host, port).ExecuteAsync(command, arguments);
    }

    /// <summary>The lines of INFO replication as name to value.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReplicationAsync(string host, string password) =>
        (await RunAsync(host, password, "INFO", "replication"))
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);

    /// <summary>Whether the server at <paramref name="host"/> is a replica of <paramref name="masterIp"/> with its link up.</summary>
    public static async Task<bool> ReplicatesFromAsync(string host, string password, string masterIp)
    {
        var info = await ReplicationAsync(host, password);
        return info.GetValueOrDefault("role") == "slave" && info.GetValueOrDefault("master_host") == masterIp
            && info.GetValueOrDefault("master_link_status") == "up";
    }
}
