using StackExchange.Redis;

namespace BackendStack.PodRuntime.Tests;

/// <summary>One command to one Redis server (master or replica alike), authenticated, on a connection of its own.</summary>
internal static class RedisCommand
{
    public static async Task<string> RunAsync(string host, string password, string command, params object[] arguments)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { host, 6379 } },
            Password = password,
            AllowAdmin = true,
            ConnectTimeout = 3000,
            AsyncTimeout = 3000,
            ConnectRetry = 1,
        };
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        return (await connection.GetServer(host, 6379).ExecuteAsync(command, arguments)).ToString();
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
