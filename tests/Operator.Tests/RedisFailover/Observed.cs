using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Tests.RedisPolicy;

/// <summary>Short constructors for observed Redis pods and sentinels; pod N lives at 10.0.0.N, sentinel N at 10.0.1.N.</summary>
internal static class Observed
{
    public static readonly SentinelMonitorSettings Settings = new(Quorum: 2, DownAfterMilliseconds: 1000, FailoverTimeout: 3000, ParallelSyncs: 1);

    public static RedisEndpoint Redis(int n) => new($"10.0.0.{n}", 6379);

    public static RedisEndpoint SentinelAt(int n) => new($"10.0.1.{n}", 26379);

    public static RedisNodeObservation Master(int n, long offset = 1000, int replicas = 0) =>
        new($"rf-redis-{n}", Redis(n), new ReplicationInfo(RedisRole.Master, offset, replicas, null, false, []));

    public static RedisNodeObservation Replica(int n, int of, long offset = 1000, bool linkUp = true) =>
        new($"rf-redis-{n}", Redis(n), new ReplicationInfo(RedisRole.Replica, offset, 0, Redis(of), linkUp, []));

    public static RedisNodeObservation Down(int n) => new($"rf-redis-{n}", Redis(n), null);

    /// <summary>A sentinel monitoring pod <paramref name="master"/>, knowing the given replicas and peer sentinels.</summary>
    public static SentinelObservation Sentinel(int n, int master, int[] replicas, int[] peers, string flags = "master", SentinelMonitorSettings? settings = null)
    {
        var s = settings ?? Settings;
        var view = new SentinelMasterView(
            "mymaster",
            Redis(master),
            flags.Split(',').ToHashSet(),
            replicas.Length,
            peers.Length,
            s.Quorum,
            s.DownAfterMilliseconds,
            s.FailoverTimeout,
            s.ParallelSyncs,
            0);
        return new SentinelObservation(
            SentinelAt(n),
            true,
            view,
            [.. replicas.Select(r => new SentinelReplicaView(Redis(r), new HashSet<string> { "slave" }, true, Redis(master), 1000))],
            [.. peers.Select(p => new SentinelPeerView(SentinelAt(p), $"run{p}", new HashSet<string> { "sentinel" }))]);
    }

    /// <summary>Three healthy sentinels 1..3 on master <paramref name="master"/> with the given replicas.</summary>
    public static SentinelObservation[] Sentinels(int master, params int[] replicas) =>
        [Sentinel(1, master, replicas, [2, 3]), Sentinel(2, master, replicas, [1, 3]), Sentinel(3, master, replicas, [1, 2])];
}
