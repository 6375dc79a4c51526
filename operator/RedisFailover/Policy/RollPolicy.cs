using System.Globalization;
using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Rolls pods onto their StatefulSet's new revision one at a time, and only while everything is
/// healthy: every pod Ready and answering, the sentinels all agreeing on the one master, nothing
/// left to heal, every other replica in sync. Outdated replicas go first (highest ordinal first);
/// an outdated master is handed over by SENTINEL FAILOVER and restarts afterwards as a replica;
/// sentinels roll last.
/// </summary>
internal static class RollPolicy
{
    public static RollDecision Decide(RollInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.RedisRevision is null || input.SentinelRevision is null)
        {
            return RollDecision.Idle;
        }

        var outdatedRedis = input.Redis.Where(p => p.Revision != input.RedisRevision).ToList();
        var outdatedSentinels = input.Sentinels.Where(p => p.Revision != input.SentinelRevision).ToList();
        if (outdatedRedis.Count == 0 && outdatedSentinels.Count == 0)
        {
            return RollDecision.Idle;
        }

        var progress = Text($"{input.Redis.Count - outdatedRedis.Count}/{input.Redis.Count} redis and {input.Sentinels.Count - outdatedSentinels.Count}/{input.Sentinels.Count} sentinel pods on the new revision");
        RollDecision Wait(string reason) => new(true, null, reason, progress);
        RollDecision Take(RollStep step) => new(true, step, null, progress);

        if (Blocker(input) is { } blocked)
        {
            return Wait(blocked);
        }

        var master = input.Plan.Master!.Value;
        var masterPod = input.Redis.First(p => p.Ip == master.Host);
        if (outdatedRedis.Where(p => p != masterPod).OrderByDescending(p => p.Ordinal).FirstOrDefault() is { } replica)
        {
            return Lagging(input, master, except: replica.Name) is { } lagging
                ? Wait($"waiting for replica {lagging} to sync with the master")
                : Take(new RestartPod(replica, "replica"));
        }

        if (outdatedRedis.Count > 0)
        {
            return MasterStep(input, masterPod, master) is { } step ? Take(step) : Wait(MasterWait(input, masterPod, master));
        }

        return Take(new RestartPod(outdatedSentinels.OrderByDescending(p => p.Ordinal).First(), "sentinel"));
    }

    /// <summary>What must hold before any pod is touched, as the reason to wait; null when all holds.</summary>
    private static string? Blocker(RollInput input)
    {
        if (input.Redis.Count != input.RedisReplicas || input.Sentinels.Count != input.SentinelReplicas)
        {
            return "waiting for every pod of the StatefulSets to exist";
        }

        if (input.Redis.Concat(input.Sentinels).FirstOrDefault(p => !p.Ready || p.Ip is null) is { } unready)
        {
            return $"waiting for {unready.Name} to be ready";
        }

        var agreement = input.Plan.Agreement;
        if (agreement.Kind != SentinelAgreementKind.Agreed)
        {
            return $"waiting for the sentinels: {agreement.Message}";
        }

        if (agreement.Agreeing != input.Sentinels.Count)
        {
            return Text($"waiting for every sentinel to agree on the master ({agreement.Agreeing}/{input.Sentinels.Count})");
        }

        if (input.Plan.Actions.Count > 0)
        {
            return "waiting for healing to finish";
        }

        if (input.Nodes.FirstOrDefault(n => !n.Reachable) is { } silent)
        {
            return $"waiting for {silent.Pod} to answer";
        }

        var masters = input.Nodes.Where(n => n.IsMaster).ToList();
        return masters.Count == 1 && masters[0].Endpoint == input.Plan.Master && input.Redis.Any(p => p.Ip == masters[0].Endpoint.Host)
            ? null
            : "waiting for exactly one master, the one the sentinels agree on";
    }

    /// <summary>The outdated master's step: hand over by SENTINEL FAILOVER, or restart a lone master that keeps its data on storage.</summary>
    private static RollStep? MasterStep(RollInput input, RollPod masterPod, RedisEndpoint master)
    {
        if (input.Redis.Count == 1)
        {
            return input.PersistentStorage ? new RestartPod(masterPod, "master") : null;
        }

        return input.FailoverRequestedFor != masterPod.Name && Lagging(input, master, except: null) is null && Unseen(input) is null
            ? new FailoverBeforeRestart(masterPod, input.SentinelViews.Where(s => s.Reachable).OrderBy(s => s.Sentinel.ToString(), StringComparer.Ordinal).First().Sentinel)
            : null;
    }

    private static string MasterWait(RollInput input, RollPod masterPod, RedisEndpoint master) =>
        input.Redis.Count == 1 ? "a single Redis without storage would lose its data when restarted: add a replica or storage"
        : input.FailoverRequestedFor == masterPod.Name ? $"waiting for Sentinel to fail over from {masterPod.Name}"
        : Lagging(input, master, except: null) is { } lagging ? $"waiting for replica {lagging} to sync with the master"
        : $"waiting for sentinel {Unseen(input)} to see every replica in sync";

    /// <summary>A replica (other than <paramref name="except"/>) that does not follow the master with its link up.</summary>
    private static string? Lagging(RollInput input, RedisEndpoint master, string? except) =>
        input.Nodes.FirstOrDefault(n => n.Pod != except && n.Endpoint != master && !(n.IsReplica && n.Replication!.MasterLinkUp && n.Replication.Master == master))?.Pod;

    /// <summary>A sentinel that does not list every replica as healthy: it could not pick one to fail over to.</summary>
    private static RedisEndpoint? Unseen(RollInput input)
    {
        var replicas = input.Nodes.Where(n => n.IsReplica).Select(n => n.Endpoint).ToList();
        return input.SentinelViews.Where(s => s.Reachable)
            .FirstOrDefault(s => replicas.Any(r => !s.Replicas.Any(v => v.Endpoint == r && !v.IsDown && v.MasterLinkUp)))?.Sentinel;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
