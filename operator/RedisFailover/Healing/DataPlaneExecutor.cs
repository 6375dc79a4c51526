using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Policy;
using StackExchange.Redis;

namespace BackendStack.Operator.RedisFailovers.Healing;

/// <summary>
/// Sends every command the operator gives one RedisFailover's servers (REPLICAOF, SENTINEL MONITOR, REMOVE, SET,
/// RESET and FAILOVER, CONFIG SET) and records what they did: it is the one writer of what the session remembers
/// between checks, which everything else only reads. A failing command is reported, never thrown: each step is
/// independent, and the next check retries what failed.
/// </summary>
internal sealed class DataPlaneExecutor(ISentinelClient sentinels, IRedisNodeClient nodes, string masterName, string? password, TimeProvider time)
{
    /// <summary>The master the operator asked Sentinel to fail over from (scale-down or roll), until it is no longer a master.</summary>
    public RedisEndpoint? HandedOver { get; private set; }

    /// <summary>The outdated master a roll asked Sentinel to fail over from, and when.</summary>
    public (string Pod, DateTimeOffset At)? RollFailover { get; private set; }

    /// <summary>Second masters demoted by checks whose status is not written yet.</summary>
    public int SplitBrainsToRecord { get; private set; }

    /// <summary>A failover the periodic check found without Sentinel's announcement.</summary>
    public Api.FailoverRecord? FoundFailover { get; private set; }

    /// <summary>Runs the plan's steps in order; counts the second masters it demoted.</summary>
    public async Task<IReadOnlyList<HealOutcome>> HealAsync(HealPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var outcomes = new List<HealOutcome>();
        foreach (var action in plan.Actions)
        {
            outcomes.Add(await RunAsync(action, cancellationToken).ConfigureAwait(false));
        }

        SplitBrainsToRecord += outcomes.Count(o => o.Succeeded && o.Action is DemoteSecondMaster);
        return outcomes;
    }

    /// <summary>Asks Sentinel to move the master off the pod a scale-down removes next; the demoted master is then no split brain.</summary>
    public async Task<HealOutcome> HandOverAsync(HandOverMaster handOver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handOver);
        var outcome = await RunAsync(handOver, cancellationToken).ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            HandedOver = handOver.Master;
        }

        return outcome;
    }

    /// <summary>Asks Sentinel to move the master off an outdated master before it restarts; returns the error, if any.</summary>
    public async Task<string?> HandOverBeforeRestartAsync(FailoverBeforeRestart step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        // Recorded before asking, so the roll waits for Sentinel (and the demotion is the handover, not a split brain) even when the answer is lost.
        RollFailover = (step.Master.Name, time.GetUtcNow());
        HandedOver = step.Master.Ip is { } ip ? new RedisEndpoint(ip, RedisFailoverNames.RedisPort) : null;
        return await TryAsync(() => sentinels.FailoverAsync(step.Sentinel, masterName, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Brings running servers back to the desired directives with CONFIG SET; returns, per node, the directives corrected and those Redis refused.</summary>
    public async Task<IReadOnlyList<(RedisNodeObservation Node, string Directive, string? Error)>> CorrectConfigAsync(
        IEnumerable<RedisNodeObservation> reachable, IReadOnlyDictionary<string, string> desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reachable);
        var results = new List<(RedisNodeObservation, string, string?)>();
        foreach (var node in reachable)
        {
            IReadOnlyDictionary<string, string> running;
            try
            {
                running = await nodes.ConfigGetAsync(node.Endpoint, "*", cancellationToken).ConfigureAwait(false);
            }
            catch (RedisException e)
            {
                results.Add((node, "*", e.Message));
                continue;
            }

            foreach (var (key, value) in ConfigDriftPolicy.Drift(desired, running))
            {
                results.Add((node, key, await TryAsync(() => nodes.ConfigSetAsync(node.Endpoint, key, value, cancellationToken)).ConfigureAwait(false)));
            }
        }

        return results;
    }

    /// <summary>What this check saw: a handed-over master that no longer answers as master has finished handing over.</summary>
    public void Observed(IReadOnlyCollection<RedisNodeObservation> observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        if (!observed.Any(n => n.Endpoint == HandedOver && n.IsMaster))
        {
            HandedOver = null;
        }
    }

    /// <summary>Records a failover the check found without an announcement (e.g. the operator was restarted during it).</summary>
    public void FailoverFound(Api.FailoverRecord failover) => FoundFailover = failover;

    /// <summary>The status now counts <paramref name="count"/> of the demoted second masters.</summary>
    public void SplitBrainsRecorded(int count) => SplitBrainsToRecord = Math.Max(0, SplitBrainsToRecord - count);

    private async Task<HealOutcome> RunAsync(HealAction action, CancellationToken cancellationToken) =>
        new(action, await TryAsync(() => SendAsync(action, cancellationToken)).ConfigureAwait(false));

    private Task SendAsync(HealAction action, CancellationToken cancellationToken) => action switch
    {
        PromoteReplica p => nodes.ReplicaOfAsync(p.Node.Endpoint, null, cancellationToken),
        DemoteSecondMaster d => nodes.ReplicaOfAsync(d.Node.Endpoint, d.Master, cancellationToken),
        RepointReplica r => nodes.ReplicaOfAsync(r.Node.Endpoint, r.Master, cancellationToken),
        MonitorMaster m => MonitorAsync(m, cancellationToken),
        UpdateSentinelSettings u => sentinels.SetAsync(u.Sentinel, masterName, u.Settings, cancellationToken),
        ResetSentinel s => sentinels.ResetAsync(s.Sentinel, masterName, cancellationToken),
        HandOverMaster h => sentinels.FailoverAsync(h.Sentinel, masterName, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.GetType().Name, "unknown heal step"),
    };

    private async Task MonitorAsync(MonitorMaster m, CancellationToken cancellationToken)
    {
        if (m.RemoveFirst)
        {
            await sentinels.RemoveAsync(m.Sentinel, masterName, cancellationToken).ConfigureAwait(false);
        }

        await sentinels.MonitorAsync(m.Sentinel, masterName, m.Master, m.Settings, password, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one command; the error Redis answered with, or null when it succeeded.</summary>
    private static async Task<string?> TryAsync(Func<Task> command)
    {
        try
        {
            await command().ConfigureAwait(false);
            return null;
        }
        catch (RedisException e)
        {
            return e.Message;
        }
    }
}
