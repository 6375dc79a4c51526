using System.Globalization;
using StackExchange.Redis;

namespace BackendStack.Operator.DataPlane.Redis;

/// <summary><see cref="IRedisNodeClient"/> over StackExchange.Redis.</summary>
internal sealed class RedisNodeClient(RedisConnectionPool pool) : IRedisNodeClient
{
    public async Task<ReplicationInfo> GetReplicationAsync(RedisEndpoint node, CancellationToken cancellationToken)
    {
        var server = await pool.ServerAsync(node, sentinel: false).WaitAsync(cancellationToken).ConfigureAwait(false);
        var info = await server.InfoRawAsync("replication").WaitAsync(cancellationToken).ConfigureAwait(false);
        return ReplicationInfoParser.Parse(info ?? "");
    }

    public async Task ReplicaOfAsync(RedisEndpoint node, RedisEndpoint? master, CancellationToken cancellationToken)
    {
        var server = await pool.ServerAsync(node, sentinel: false).WaitAsync(cancellationToken).ConfigureAwait(false);
        object[] args = master is { } m ? [m.Host, m.Port.ToString(CultureInfo.InvariantCulture)] : ["NO", "ONE"];
        await server.ExecuteAsync("REPLICAOF", args).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> ConfigGetAsync(RedisEndpoint node, string parameter, CancellationToken cancellationToken)
    {
        var server = await pool.ServerAsync(node, sentinel: false).WaitAsync(cancellationToken).ConfigureAwait(false);
        var pairs = await server.ConfigGetAsync(parameter).WaitAsync(cancellationToken).ConfigureAwait(false);
        return pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    public async Task ConfigSetAsync(RedisEndpoint node, string parameter, string value, CancellationToken cancellationToken)
    {
        var server = await pool.ServerAsync(node, sentinel: false).WaitAsync(cancellationToken).ConfigureAwait(false);
        await server.ConfigSetAsync(parameter, value).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task BackgroundSaveAsync(RedisEndpoint node, CancellationToken cancellationToken)
    {
        var server = await pool.ServerAsync(node, sentinel: false).WaitAsync(cancellationToken).ConfigureAwait(false);
        await server.SaveAsync(SaveType.BackgroundSave).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
