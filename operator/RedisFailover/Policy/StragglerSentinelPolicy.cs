namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Sentinels left behind by a failover: they name an older master (a lower config epoch) that is
/// gone or no longer a master, while at least quorum sentinels agree on a newer one that answers
/// as master. A sentinel hears of a switch only through the instances it knows, so one that had not
/// yet discovered the replicas and its peers when the master died never catches up by itself. The
/// operator points it at the newer master (REMOVE, MONITOR): Sentinel's own choice, never undone.
/// </summary>
internal static class StragglerSentinelPolicy
{
    public static IReadOnlyList<HealAction> Plan(HealInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var groups = input.Sentinels.Where(o => o.Reachable && o.Master is not null)
            .GroupBy(o => o.Master!.Endpoint)
            .OrderByDescending(g => g.Count())
            .ToList();
        if (groups.Count < 2 || groups[0].Count() < input.Settings.Quorum || groups[0].Count() == groups[1].Count()
            || !input.Nodes.Any(n => n.Endpoint == groups[0].Key && n.IsMaster))
        {
            return [];
        }

        var epoch = groups[0].Min(o => o.Master!.ConfigEpoch);
        return
        [
            .. groups.Skip(1).SelectMany(g => g)
                .Where(o => o.Master!.ConfigEpoch < epoch && !input.Nodes.Any(n => n.Endpoint == o.Master.Endpoint && n.IsMaster))
                .OrderBy(o => o.Sentinel.ToString(), StringComparer.Ordinal)
                .Select(o => new MonitorMaster(o.Sentinel, groups[0].Key, input.Settings, RemoveFirst: true)),
        ];
    }
}
