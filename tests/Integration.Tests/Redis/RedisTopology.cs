using System.Security.Cryptography;
using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Tests.Redis;

/// <summary>
/// Real redis-server and redis-sentinel processes for one test: the first Redis is the master,
/// the others replicate from it; the sentinels start monitoring nothing. Disposing kills every
/// process and removes the directory.
/// </summary>
internal sealed class RedisTopology : IAsyncDisposable
{
    public const string MasterName = "mymaster";

    private readonly string root;

    private RedisTopology(string root, string password, IReadOnlyList<RedisProcess> redis, IReadOnlyList<SentinelProcess> sentinels)
    {
        this.root = root;
        Password = password;
        Redis = redis;
        Sentinels = sentinels;
        Pool = new RedisConnectionPool(password);
        SentinelClient = new SentinelClient(Pool);
        Nodes = new RedisNodeClient(Pool);
    }

    public string Password { get; }

    public IReadOnlyList<RedisProcess> Redis { get; }

    public IReadOnlyList<SentinelProcess> Sentinels { get; }

    public RedisConnectionPool Pool { get; }

    public SentinelClient SentinelClient { get; }

    public RedisNodeClient Nodes { get; }

    public IEnumerable<RedisEndpoint> SentinelEndpoints => Sentinels.Select(Endpoint);

    public static async Task<RedisTopology> StartAsync(int redisCount, int sentinelCount, bool replicate = true)
    {
        var root = Path.Combine(Path.GetTempPath(), "backendstack-redis-" + Guid.NewGuid().ToString("N")[..12]);
        var address = LoopbackAddresses.NextBlock();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var master = address(0);
        var redis = Enumerable.Range(0, redisCount)
            .Select(i => new RedisProcess(address(i), Path.Combine(root, $"redis-{i}"), password, i == 0 || !replicate ? [] : [$"replicaof {master} 6379"]))
            .ToList();
        var sentinels = Enumerable.Range(0, sentinelCount)
            .Select(i => new SentinelProcess(address(100 + i), Path.Combine(root, $"sentinel-{i}"), password))
            .ToList();
        var topology = new RedisTopology(root, password, redis, sentinels);
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Task.WhenAll(redis.Select(r => r.StartAsync(cts.Token)).Concat(sentinels.Select(s => s.StartAsync(cts.Token))));

            // Sentinel discovers replicas from the master's INFO, which it repeats only every 10 s:
            // let every replica connect first so the first INFO already lists them all.
            await Eventually.TrueAsync(
                async () => !replicate || (await topology.Nodes.GetReplicationAsync(Endpoint(redis[0]), CancellationToken.None)).Replicas.Count(r => r.State == "online") == redisCount - 1,
                "every replica online at the master");
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }

        return topology;
    }

    public static RedisEndpoint Endpoint(ServerProcess server) => new(server.Host, server.Port);

    /// <summary>Every sentinel monitors the first Redis with these settings.</summary>
    public Task MonitorAsync(SentinelMonitorSettings settings) =>
        Task.WhenAll(Sentinels.Select(s => SentinelClient.MonitorAsync(Endpoint(s), MasterName, Endpoint(Redis[0]), settings, Password, CancellationToken.None)));

    /// <summary>Waits until the master has every replica connected and every sentinel knows every replica and peer.</summary>
    public async Task WaitSettledAsync()
    {
        var master = await Eventually.StructAsync(
            () => SentinelClient.GetMasterAddressAsync(Endpoint(Sentinels[0]), MasterName, CancellationToken.None),
            "a master address");
        await Eventually.TrueAsync(
            async () => (await Nodes.GetReplicationAsync(master, CancellationToken.None)).Replicas.Count(r => r.State == "online") == Redis.Count(r => r.IsRunning) - 1,
            "replicas online at the master");
        foreach (var sentinel in Sentinels.Where(s => s.IsRunning))
        {
            await Eventually.TrueAsync(
                async () => await SentinelClient.ObserveAsync(Endpoint(sentinel), MasterName, CancellationToken.None) is { Master: { } m } o
                    && m.NumReplicas == Redis.Count - 1
                    && o.Replicas.Count(r => !r.IsDown && r.MasterLinkUp) == Redis.Count(r => r.IsRunning) - 1
                    && o.Peers.Count(p => !p.IsDown) == Sentinels.Count(s => s.IsRunning) - 1,
                $"sentinel {sentinel.Host} to know every replica and sentinel",
                TimeSpan.FromSeconds(20));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Redis.Cast<ServerProcess>().Concat(Sentinels))
        {
            await server.DisposeAsync();
        }

        await Pool.DisposeAsync();
        if (Environment.GetEnvironmentVariable("BACKENDSTACK_KEEP_TEST_DIRS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A process that was just killed may still hold a file for a moment; the temp dir is cleared later.
        }
    }
}
