using System.Collections.Concurrent;
using StackExchange.Redis;

namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>
/// One StackExchange.Redis connection per Redis or Sentinel instance, all with the same password.
/// Connections never abort on failure: they keep reconnecting in the background, and a command
/// to an instance that is down fails at once instead of waiting in a backlog.
/// </summary>
internal sealed class RedisConnectionPool(string? password, TimeSpan? commandTimeout = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(RedisEndpoint Endpoint, bool Sentinel), Lazy<Task<ConnectionMultiplexer>>> connections = new();
    private readonly int timeoutMs = (int)(commandTimeout ?? TimeSpan.FromSeconds(2)).TotalMilliseconds;

    public Task<ConnectionMultiplexer> GetAsync(RedisEndpoint endpoint, bool sentinel) =>
        connections.GetOrAdd((endpoint, sentinel), key => new Lazy<Task<ConnectionMultiplexer>>(() => ConnectAsync(key.Endpoint, key.Sentinel))).Value;

    public async Task<IServer> ServerAsync(RedisEndpoint endpoint, bool sentinel)
    {
        var connection = await GetAsync(endpoint, sentinel).ConfigureAwait(false);
        return connection.GetServer(endpoint.ToEndPoint());
    }

    /// <summary>Closes the connections to instances that no longer exist (e.g. deleted pods).</summary>
    public async Task RetainOnlyAsync(IEnumerable<RedisEndpoint> endpoints)
    {
        var keep = endpoints.ToHashSet();
        foreach (var key in connections.Keys.Where(k => !keep.Contains(k.Endpoint)))
        {
            if (connections.TryRemove(key, out var lazy) && lazy.IsValueCreated)
            {
                await (await lazy.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in connections.Keys)
        {
            if (connections.TryRemove(key, out var lazy) && lazy.IsValueCreated)
            {
                await (await lazy.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private Task<ConnectionMultiplexer> ConnectAsync(RedisEndpoint endpoint, bool sentinel)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { endpoint.ToEndPoint() },
            Password = password,
            AbortOnConnectFail = false,
            AllowAdmin = true,
            ConnectTimeout = timeoutMs,
            SyncTimeout = timeoutMs,
            AsyncTimeout = timeoutMs,
            ConnectRetry = 1,
            BacklogPolicy = BacklogPolicy.FailFast,
            ReconnectRetryPolicy = new RedisReconnectBackoff(),
            HeartbeatInterval = TimeSpan.FromMilliseconds(500),
            // The operator talks to every instance directly; no tie-breaker key, no config broadcast.
            TieBreaker = "",
            ConfigurationChannel = "",
            ClientName = "backendstack-operator",
            CommandMap = sentinel ? CommandMap.Sentinel : CommandMap.Default,
        };
        return ConnectionMultiplexer.ConnectAsync(options);
    }
}
