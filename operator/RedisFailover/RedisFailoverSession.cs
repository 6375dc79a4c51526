using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Follower;
using BackendStack.Operator.RedisFailovers.Healing;
using k8s;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// The data plane connections of one RedisFailover (one password), the follower of its sentinels and what the checks
/// remember. Every command to the servers goes through <see cref="Executor"/>, which also is the one writer of that memory.
/// </summary>
internal sealed class RedisFailoverSession : IAsyncDisposable
{
    private readonly RedisConnectionPool pool;

    public RedisFailoverSession(
        string ns, string name, string uid, string password, IKubernetes client, TimeProvider time, RedisFailoverMetrics metrics,
        Func<MasterSwitch, Task> onSwitch, Func<SentinelEvent, Task> onAlert, ILoggerFactory loggers)
    {
        Uid = uid;
        Password = password;
        pool = new RedisConnectionPool(password);
        var sentinels = new SentinelClient(pool);
        var nodes = new RedisNodeClient(pool);
        Observer = new RedisFailoverObserver(sentinels, nodes);
        Executor = new DataPlaneExecutor(sentinels, nodes, new RedisFailoverNames(name).MasterName, password, time);
        Tracking = new SentinelTrackingClock(time);
        MasterSilence = new MasterSilenceClock(time);
        Labeler = new PodRoleLabeler(client);
        Follower = new RedisMasterFollower(ns, name, name, pool, Labeler, time, metrics, onSwitch, loggers.CreateLogger<RedisMasterFollower>(), onAlert);
    }

    public string Uid { get; }

    public string Password { get; }

    public RedisFailoverObserver Observer { get; }

    public DataPlaneExecutor Executor { get; }

    public SentinelTrackingClock Tracking { get; }

    public MasterSilenceClock MasterSilence { get; }

    public PodRoleLabeler Labeler { get; }

    public RedisMasterFollower Follower { get; }

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
        await pool.DisposeAsync().ConfigureAwait(false);
    }
}
