using BackendStack.Operator.Api;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Tests.Controllers;
using k8s;
using k8s.Models;
using RedisFailoverResource = BackendStack.Operator.Api.RedisFailover;

namespace BackendStack.Tests.Redis;

/// <summary>Waits for states of a RedisFailover under test, as status and the real sentinels report them.</summary>
internal static class RedisFailoverWaits
{
    public static Task<RedisFailoverResource> ReadyAsync(ClusterUnderTest cluster, string name, TimeSpan timeout) =>
        StatusAsync(cluster, name, s => s is { Phase: Phase.Ready } && s.Sentinels?.Agreeing == s.Sentinels?.Total, "Ready with every sentinel agreeing", timeout);

    /// <summary>Until the status meets the condition; a timeout names the last status seen.</summary>
    public static async Task<RedisFailoverResource> StatusAsync(ClusterUnderTest cluster, string name, Func<RedisFailoverStatus, bool> condition, string what, TimeSpan timeout)
    {
        RedisFailoverStatus? last = null;
        try
        {
            return await Eventually.ValueAsync(
                async () =>
                {
                    var rf = await RedisFailoverLifecycleTests.GetAsync(cluster, name);
                    last = rf.Status;
                    return condition(rf.Status) ? rf : null;
                },
                what,
                timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; last status: {System.Text.Json.JsonSerializer.Serialize(last)}", e);
        }
    }

    /// <summary>Until every given sentinel lists exactly these replicas (SENTINEL REPLICAS) and the other given sentinels as peers (SENTINEL SENTINELS).</summary>
    public static Task SentinelsKnowExactlyAsync(RedisConnectionPool pool, IReadOnlyCollection<RedisEndpoint> sentinels, IReadOnlyCollection<RedisEndpoint> replicas, string masterName, TimeSpan timeout)
    {
        var client = new SentinelClient(pool);
        return Eventually.TrueAsync(
            async () =>
            {
                foreach (var sentinel in sentinels)
                {
                    var seen = await client.ObserveAsync(sentinel, masterName, CancellationToken.None);
                    if (seen.Master is null
                        || !seen.Replicas.Select(r => r.Endpoint).ToHashSet().SetEquals(replicas)
                        || !seen.Peers.Select(p => p.Endpoint).ToHashSet().SetEquals(sentinels.Where(s => s != sentinel)))
                    {
                        return false;
                    }
                }

                return true;
            },
            $"sentinels {string.Join(", ", sentinels)} to know exactly replicas {string.Join(", ", replicas)} and each other",
            timeout);
    }

    /// <summary>Until an Event on the resource matches (the operator records them in the background).</summary>
    public static Task<Corev1Event> EventAsync(ClusterUnderTest cluster, string name, Func<Corev1Event, bool> match, string what, TimeSpan timeout) =>
        Eventually.ValueAsync(
            async () => (await cluster.Client.CoreV1.ListNamespacedEventAsync(ClusterUnderTest.Namespace, fieldSelector: $"involvedObject.name={name}")).Items.FirstOrDefault(match),
            what,
            timeout);

    public static RedisEndpoint Redis(RedisPodRunner runner, string pod) => new(runner.Process(pod).Host, 6379);

    public static RedisEndpoint Sentinel(RedisPodRunner runner, string pod) => new(runner.Process(pod).Host, 26379);
}
