using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Follower;
using BackendStack.Operator.RedisFailovers.Healing;
using k8s;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>The data plane connections of one RedisFailover (one password) and the follower of its sentinels.</summary>
internal sealed class RedisFailoverSession : IAsyncDisposable
{
    public RedisFailoverSession(string ns, string name, string uid, string password, IKubernetes client, TimeProvider time, Func<MasterSwitch, Task> onSwitch, Func<SentinelEvent, Task> onAlert, ILoggerFactory loggers)
    {
        Uid = uid;
        Password = password;
        Pool = new RedisConnectionPool(password);
        Sentinels = new SentinelClient(Pool);
        Nodes = new RedisNodeClient(Pool);
        Observer = new RedisFailoverObserver(Sentinels, Nodes);
        Executor = new HealExecutor(Sentinels, Nodes);
        Drift = new ConfigDriftCorrector(Nodes);
        Tracking = new SentinelTrackingClock(time);
        MasterSilence = new MasterSilenceClock(time);
        Labeler = new PodRoleLabeler(client);
        Follower = new RedisMasterFollower(ns, name, name, Pool, Labeler, time, onSwitch, loggers.CreateLogger<RedisMasterFollower>(), onAlert);
    }

    public string Uid { get; }

    public string Password { get; }

    public RedisConnectionPool Pool { get; }

    public SentinelClient Sentinels { get; }

    public RedisNodeClient Nodes { get; }

    public RedisFailoverObserver Observer { get; }

    public HealExecutor Executor { get; }

    public ConfigDriftCorrector Drift { get; }

    public SentinelTrackingClock Tracking { get; }

    public MasterSilenceClock MasterSilence { get; }

    public PodRoleLabeler Labeler { get; }

    public RedisMasterFollower Follower { get; }

    /// <summary>The master a scale-down asked Sentinel to fail over from, until it is no longer a master.</summary>
    public RedisEndpoint? HandedOver { get; set; }

    /// <summary>The outdated master a roll asked Sentinel to fail over from, and when.</summary>
    public (string Pod, DateTimeOffset At)? RollFailover { get; set; }

    /// <summary>Second masters demoted by checks whose status is not written yet.</summary>
    public int SplitBrainsToRecord { get; set; }

    /// <summary>A failover the periodic check found without an announcement.</summary>
    public Api.FailoverRecord? MissedFailover { get; set; }

    /// <summary>
    /// The newest failover this process saw: the follower's (with its reaction time) or one the
    /// periodic check found because the announcement was missed (e.g. the operator was restarted).
    /// </summary>
    public Api.FailoverRecord? LatestFailover(Api.FailoverRecord? foundByCheck) =>
        Follower.Latest?.ToRecord() is { } followed && (foundByCheck is null || followed.To == foundByCheck.To || followed.Time >= foundByCheck.Time)
            ? followed
            : foundByCheck;

    public async ValueTask DisposeAsync()
    {
        await Follower.DisposeAsync().ConfigureAwait(false);
        await Pool.DisposeAsync().ConfigureAwait(false);
    }
}
