using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackendStack.Operator.RedisFailovers.Follower;

/// <summary>
/// Follows Sentinel's decisions for one RedisFailover: on the first +switch-master of a failover
/// (every sentinel announces it; the rest are duplicates) it relabels the pods at once, so the
/// master Service moves within milliseconds instead of waiting for the next periodic check.
/// Every other announcement about its master (a replica reporting the master role, Sentinel
/// converting one back, an instance going down or up) runs the check at once through
/// <c>onAlert</c>: a second master is demoted before Sentinel's own conversion (which waits
/// 8 s and more), and status follows a lost sentinel without waiting for the next period.
/// </summary>
internal sealed partial class RedisMasterFollower : IAsyncDisposable
{
    private readonly string ns;
    private readonly string name;
    private readonly string masterName;
    private readonly PodRoleLabeler labeler;
    private readonly TimeProvider time;
    private readonly RedisFailoverMetrics metrics;
    private readonly Func<MasterSwitch, Task> onSwitch;
    private readonly Func<SentinelEvent, Task> onAlert;
    private readonly ILogger log;
    private readonly SentinelEventSubscriber subscriber;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private RedisEndpoint? handled;

    public RedisMasterFollower(
        string ns,
        string name,
        string masterName,
        RedisConnectionPool pool,
        PodRoleLabeler labeler,
        TimeProvider time,
        RedisFailoverMetrics metrics,
        Func<MasterSwitch, Task> onSwitch,
        ILogger<RedisMasterFollower>? logger = null,
        Func<SentinelEvent, Task>? onAlert = null)
    {
        this.ns = ns;
        this.name = name;
        this.masterName = masterName;
        this.labeler = labeler;
        this.time = time;
        this.metrics = metrics;
        this.onSwitch = onSwitch;
        this.onAlert = onAlert ?? (_ => Task.CompletedTask);
        log = logger ?? NullLogger<RedisMasterFollower>.Instance;
        subscriber = new SentinelEventSubscriber(pool, time);
        loop = Task.Run(() => FollowAsync(stop.Token));
    }

    /// <summary>The last failover followed, if any.</summary>
    public MasterSwitch? Latest { get; private set; }

    public Task SetSentinelsAsync(IEnumerable<RedisEndpoint> sentinels, CancellationToken cancellationToken) =>
        subscriber.SetSentinelsAsync(sentinels, cancellationToken);

    /// <summary>Tells the follower which master the periodic check settled on, so a late duplicate announcement is not re-applied.</summary>
    public void Settled(RedisEndpoint master) => handled = master;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await subscriber.DisposeAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is how the loop ends.
        }

        stop.Dispose();
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        await foreach (var e in subscriber.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e.Kind != SentinelEventKind.SwitchMaster)
            {
                LogSentinelEvent(log, ns, name, e.Kind, e.InstanceType, e.Instance, e.Sentinel);
                if (e.MasterName == masterName)
                {
                    await onAlert(e).ConfigureAwait(false);
                }

                continue;
            }

            if (e.MasterName != masterName || e.Instance == handled)
            {
                continue;
            }

            try
            {
                await FollowSwitchAsync(e, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next sentinel's announcement, or the periodic check, tries again.
                LogRelabelFailed(log, ex, ns, name, e.Instance);
            }
        }
    }

    private async Task FollowSwitchAsync(SentinelEvent e, CancellationToken cancellationToken)
    {
        var pods = await labeler.ListRedisPodsAsync(ns, name, cancellationToken).ConfigureAwait(false);
        var toPod = pods.FirstOrDefault(p => p.Status?.PodIP == e.Instance.Host)?.Metadata.Name;
        var fromPod = pods.FirstOrDefault(p => p.Status?.PodIP == e.PreviousMaster?.Host)?.Metadata.Name;
        await labeler.ApplyAsync(ns, RoleLabelPolicy.Changes(pods, toPod), cancellationToken).ConfigureAwait(false);
        var labelled = time.GetUtcNow();
        handled = e.Instance;
        var change = new MasterSwitch(e.PreviousMaster ?? default, e.Instance, fromPod, toPod, e.ReceivedAt, labelled);
        Latest = change;
        metrics.Failovers.WithLabels(ns, name).Inc();
        metrics.MasterChanges.WithLabels(ns, name).Inc();
        metrics.FailoverReactionSeconds.WithLabels(ns, name).Observe(change.ReactionMilliseconds / 1000);
        LogFollowed(log, ns, name, fromPod, toPod, change.ReactionMilliseconds);
        await onSwitch(change).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Namespace}/{Name}: Sentinel failed over from {FromPod} to {ToPod}; pods relabelled {ReactionMs:F1} ms after +switch-master")]
    private static partial void LogFollowed(ILogger logger, string @namespace, string name, string? fromPod, string? toPod, double reactionMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Namespace}/{Name}: relabelling pods for new master {Master} failed")]
    private static partial void LogRelabelFailed(ILogger logger, Exception exception, string @namespace, string name, RedisEndpoint master);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Namespace}/{Name}: sentinel {Sentinel} reports {Kind} for {InstanceType} {Instance}")]
    private static partial void LogSentinelEvent(ILogger logger, string @namespace, string name, SentinelEventKind kind, string instanceType, RedisEndpoint instance, RedisEndpoint sentinel);
}
