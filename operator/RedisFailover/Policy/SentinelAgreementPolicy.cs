using System.Globalization;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>Decides which master the sentinels agree on, if any.</summary>
internal static class SentinelAgreementPolicy
{
    public static SentinelAgreement Decide(IReadOnlyCollection<DataPlane.Redis.SentinelObservation> observations, int quorum)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var unanswered = observations.Where(o => !o.Reachable).Select(o => o.Sentinel).ToList();
        return Agreement(observations, quorum) with { Unanswered = unanswered };
    }

    private static SentinelAgreement Agreement(IReadOnlyCollection<DataPlane.Redis.SentinelObservation> observations, int quorum)
    {
        var total = observations.Count;
        var reachable = observations.Count(o => o.Reachable);
        var views = observations.Where(o => o.Reachable && o.Master is not null).Select(o => o.Master!).ToList();
        var votes = views.GroupBy(v => v.Endpoint).OrderByDescending(g => g.Count()).ToList();
        var leader = votes.FirstOrDefault();
        var agreeing = leader?.Count() ?? 0;

        if (views.Any(v => v.FailoverInProgress || v.Flags.Contains("o_down")))
        {
            return new(SentinelAgreementKind.FailoverInProgress, leader?.Key, agreeing, reachable, "Sentinel reports the master down or a failover in progress");
        }

        if (votes.Count > 1)
        {
            var names = string.Join(", ", votes.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ({g.Count()})")));
            return new(SentinelAgreementKind.Disagree, leader!.Key, agreeing, reachable, $"Sentinels name different masters: {names}");
        }

        if (leader is null)
        {
            return reachable >= quorum
                ? new(SentinelAgreementKind.Unmonitored, null, 0, reachable, "No sentinel monitors the master yet")
                : new(SentinelAgreementKind.NoQuorum, null, 0, reachable, Text($"Only {reachable} of {total} sentinels answer, quorum is {quorum}"));
        }

        return agreeing >= quorum
            ? new(SentinelAgreementKind.Agreed, leader.Key, agreeing, reachable, Text($"{agreeing} of {total} sentinels agree on master {leader.Key}, quorum is {quorum}"))
            : new(SentinelAgreementKind.NoQuorum, leader.Key, agreeing, reachable, Text($"Only {agreeing} of {total} sentinels monitor master {leader.Key}, quorum is {quorum}"));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
