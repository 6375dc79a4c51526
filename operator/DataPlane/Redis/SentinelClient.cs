using System.Globalization;
using StackExchange.Redis;

namespace BackendStack.Operator.DataPlane.Redis;

/// <summary><see cref="ISentinelClient"/> over StackExchange.Redis.</summary>
internal sealed class SentinelClient(RedisConnectionPool pool) : ISentinelClient
{
    public async Task<SentinelObservation> ObserveAsync(RedisEndpoint sentinel, string masterName, CancellationToken cancellationToken)
    {
        try
        {
            var server = await pool.ServerAsync(sentinel, sentinel: true).WaitAsync(cancellationToken).ConfigureAwait(false);
            KeyValuePair<string, string>[] master;
            try
            {
                master = await server.SentinelMasterAsync(masterName).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RedisServerException e) when (e.Message.Contains("No such master", StringComparison.OrdinalIgnoreCase))
            {
                return SentinelObservation.NotMonitoring(sentinel);
            }

            var replicas = await server.SentinelReplicasAsync(masterName).WaitAsync(cancellationToken).ConfigureAwait(false);
            var peers = await server.SentinelSentinelsAsync(masterName).WaitAsync(cancellationToken).ConfigureAwait(false);
            return new SentinelObservation(
                sentinel,
                true,
                SentinelMasterView.From(new SentinelFields(master)),
                [.. replicas.Select(r => SentinelReplicaView.From(new SentinelFields(r)))],
                [.. peers.Select(p => SentinelPeerView.From(new SentinelFields(p)))]);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            return SentinelObservation.Unreachable(sentinel);
        }
    }

    public async Task<RedisEndpoint?> GetMasterAddressAsync(RedisEndpoint sentinel, string masterName, CancellationToken cancellationToken)
    {
        var server = await pool.ServerAsync(sentinel, sentinel: true).WaitAsync(cancellationToken).ConfigureAwait(false);
        var result = await server.ExecuteAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsNull || result.Length < 2)
        {
            return null;
        }

        return RedisEndpoint.Parse(result[0].ToString(), result[1].ToString());
    }

    public async Task MonitorAsync(RedisEndpoint sentinel, string masterName, RedisEndpoint master, SentinelMonitorSettings settings, string? authPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await ExecuteAsync(sentinel, cancellationToken, "MONITOR", masterName, master.Host, Text(master.Port), Text(settings.Quorum)).ConfigureAwait(false);
        if (authPassword is not null)
        {
            await ExecuteAsync(sentinel, cancellationToken, "SET", masterName, "auth-pass", authPassword).ConfigureAwait(false);
        }

        await SetAsync(sentinel, masterName, settings, cancellationToken).ConfigureAwait(false);
    }

    public Task SetAsync(RedisEndpoint sentinel, string masterName, SentinelMonitorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ExecuteAsync(
            sentinel,
            cancellationToken,
            "SET",
            masterName,
            "quorum",
            Text(settings.Quorum),
            "down-after-milliseconds",
            Text(settings.DownAfterMilliseconds),
            "failover-timeout",
            Text(settings.FailoverTimeout),
            "parallel-syncs",
            Text(settings.ParallelSyncs));
    }

    public async Task<int> ResetAsync(RedisEndpoint sentinel, string masterName, CancellationToken cancellationToken) =>
        (int)await ExecuteAsync(sentinel, cancellationToken, "RESET", masterName).ConfigureAwait(false);

    public Task FailoverAsync(RedisEndpoint sentinel, string masterName, CancellationToken cancellationToken) =>
        ExecuteAsync(sentinel, cancellationToken, "FAILOVER", masterName);

    public Task RemoveAsync(RedisEndpoint sentinel, string masterName, CancellationToken cancellationToken) =>
        ExecuteAsync(sentinel, cancellationToken, "REMOVE", masterName);

    private async Task<RedisResult> ExecuteAsync(RedisEndpoint sentinel, CancellationToken cancellationToken, params object[] args)
    {
        var server = await pool.ServerAsync(sentinel, sentinel: true).WaitAsync(cancellationToken).ConfigureAwait(false);
        return await server.ExecuteAsync("SENTINEL", args).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
