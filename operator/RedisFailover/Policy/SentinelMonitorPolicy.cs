using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Keeps every answering sentinel monitoring the master with the spec's settings: MONITOR where
/// it monitors nothing (or, with <c>overrideStale</c>, a different master), SET where
/// the settings drifted.
/// </summary>
internal static class SentinelMonitorPolicy
{
    public static IReadOnlyList<HealAction> Plan(
        RedisEndpoint master,
        IReadOnlyCollection<SentinelObservation> observations,
        SentinelMonitorSettings settings,
        bool overrideStale)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(settings);
        var actions = new List<HealAction>();
        foreach (var observation in observations.Where(o => o.Reachable).OrderBy(o => o.Sentinel.ToString(), StringComparer.Ordinal))
        {
            if (observation.Master is null)
            {
                actions.Add(new MonitorMaster(observation.Sentinel, master, settings, RemoveFirst: false));
            }
            else if (observation.Master.Endpoint != master)
            {
                if (overrideStale)
                {
                    actions.Add(new MonitorMaster(observation.Sentinel, master, settings, RemoveFirst: true));
                }
            }
            else if (!settings.MatchedBy(observation.Master))
            {
                actions.Add(new UpdateSentinelSettings(observation.Sentinel, settings));
            }
        }

        return actions;
    }
}
