using System.Globalization;
using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Operator.RedisFailovers.Status;

/// <summary>Says in words why Sentinel could not fail over yet, naming the sentinel pods and what each lacks.</summary>
internal static class FailoverReadinessText
{
    public static string Describe(FailoverReadiness? readiness, IReadOnlyList<PodState> sentinelPods)
    {
        ArgumentNullException.ThrowIfNull(sentinelPods);
        if (readiness is null)
        {
            return "Sentinel has not been asked whether it could fail over yet";
        }

        var gaps = readiness.Gaps.Select(g =>
        {
            var name = PodState.NameAt(sentinelPods, g.Sentinel);
            var lacks = new List<string>();
            if (g.PeersKnown < readiness.Needed - 1)
            {
                lacks.Add(Text($"knows {g.PeersKnown} other sentinels of the {readiness.Needed - 1} it needs to confirm the master down"));
            }

            if (!g.KnowsReplicaInSync)
            {
                lacks.Add("knows no replica in sync to promote");
            }

            return $"{name} {string.Join(" and ", lacks)}";
        });
        return Text($"Sentinel could not fail over yet: {readiness.Able} sentinels could start a failover, {readiness.Needed} wanted (the quorum); {string.Join("; ", gaps)}");
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
