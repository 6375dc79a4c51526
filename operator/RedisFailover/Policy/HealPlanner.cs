namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Chains the policies. Failover is Sentinel's decision: while sentinels disagree or a failover
/// runs, nothing is changed, except that sentinels a finished failover left behind are pointed at
/// the master the quorum chose. The operator picks a master itself only when no sentinel knows one
/// (bootstrap) or when Sentinel lacks the quorum to act.
/// </summary>
internal static class HealPlanner
{
    public static HealPlan Plan(HealInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var agreement = SentinelAgreementPolicy.Decide(input.Sentinels, input.Settings.Quorum);
        return agreement.Kind switch
        {
            SentinelAgreementKind.Agreed or SentinelAgreementKind.FailoverInProgress when SentinelLeftMasterForDead(input, agreement) => WithoutQuorum(input, agreement),
            SentinelAgreementKind.Agreed => Follow(input, agreement, agreement.Master!.Value, overrideStale: false, allowReset: true),
            SentinelAgreementKind.Unmonitored or SentinelAgreementKind.NoQuorum when IsFreshAndIncomplete(input) => new HealPlan(agreement, null, []),
            SentinelAgreementKind.Unmonitored => InitialMasterPolicy.Choose(input.Nodes) is { } first
                ? FollowOwnChoice(input, agreement, first, overrideStale: false)
                : new HealPlan(agreement, null, []),
            SentinelAgreementKind.NoQuorum => WithoutQuorum(input, agreement),
            SentinelAgreementKind.Disagree when StragglerSentinelPolicy.Plan(input) is { Count: > 0 } realign => new HealPlan(agreement, agreement.Master, realign),
            _ => new HealPlan(agreement, agreement.Master, []),
        };
    }

    /// <summary>
    /// Sentinel acts within down-after-milliseconds of losing the master and retries after twice the
    /// failover timeout. Sentinels that all still name a master that has not answered for longer than
    /// that, with no failover running, never will: they lost it before they found each other (no
    /// quorum to call it objectively down) or its replicas (nobody to promote). The operator then acts
    /// as when Sentinel lacks a quorum.
    /// </summary>
    public static TimeSpan SentinelGiveUpAfter(DataPlane.Redis.SentinelMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TimeSpan.FromMilliseconds(settings.DownAfterMilliseconds + (2 * settings.FailoverTimeout));
    }

    private static bool SentinelLeftMasterForDead(HealInput input, SentinelAgreement agreement)
    {
        var views = input.Sentinels.Where(s => s.Reachable && s.Master is not null).Select(s => s.Master!).ToList();
        return agreement.Master is { } master
            && views.All(v => v.Endpoint == master && !v.FailoverInProgress)
            && input.NotMasterFor.TryGetValue(master, out var silentFor) && silentFor > SentinelGiveUpAfter(input.Settings);
    }

    /// <summary>
    /// A first bootstrap waits until every pod the spec asks for has an address and answers, so pod 0
    /// (not the first to start) becomes master, also while the sentinels are still starting (no quorum).
    /// </summary>
    private static bool IsFreshAndIncomplete(HealInput input) =>
        (input.Nodes.Count < input.ExpectedNodes || input.Nodes.Any(n => !n.Reachable))
        && input.Nodes.All(n => !n.Reachable || (n.IsMaster && n.Offset == 0 && n.Replication!.ConnectedReplicas == 0));

    private static HealPlan WithoutQuorum(HealInput input, SentinelAgreement agreement)
    {
        var named = input.Nodes.FirstOrDefault(n => n.Endpoint == agreement.Master && n.IsMaster);
        if (named is not null)
        {
            return Follow(input, agreement, named.Endpoint, overrideStale: true, allowReset: false);
        }

        if (InitialMasterPolicy.Choose(input.Nodes) is { } master)
        {
            return FollowOwnChoice(input, agreement, master, overrideStale: true);
        }

        return PromotionPolicy.Choose(input.Nodes) is { } promoted
            ? new HealPlan(agreement, promoted.Endpoint, [new PromoteReplica(promoted)])
            : new HealPlan(agreement, agreement.Master, []);
    }

    /// <summary>A master of the operator's own choosing that nobody follows is not worth a replica's data: that replica is promoted instead.</summary>
    private static HealPlan FollowOwnChoice(HealInput input, SentinelAgreement agreement, RedisNodeObservation master, bool overrideStale) =>
        PromotionPolicy.RicherThan(master, input.Nodes) is { } richer
            ? new HealPlan(agreement, richer.Endpoint, [new PromoteReplica(richer)])
            : Follow(input, agreement, master.Endpoint, overrideStale, allowReset: false);

    private static HealPlan Follow(HealInput input, SentinelAgreement agreement, DataPlane.Redis.RedisEndpoint master, bool overrideStale, bool allowReset)
    {
        var readiness = agreement.Kind == SentinelAgreementKind.Agreed ? FailoverReadinessPolicy.Assess(master, input.Nodes, input.Sentinels, input.Settings.Quorum) : null;
        if (!input.Nodes.Any(n => n.Endpoint == master && n.IsMaster))
        {
            // The named master does not answer as master: Sentinel's down detection takes it from here.
            return new HealPlan(agreement, master, []) { Readiness = readiness };
        }

        var actions = new List<HealAction>(ReplicationTargetPolicy.Plan(master, input.Nodes, input.HandedOver));
        if (agreement.Kind != SentinelAgreementKind.Unmonitored || actions.Count == 0)
        {
            // At bootstrap, sentinels start monitoring once the replicas were pointed at the master (the check
            // before), so the master's INFO they read first already lists them, instead of the next one 10 s later.
            actions.AddRange(SentinelMonitorPolicy.Plan(master, input.Sentinels, input.Settings, overrideStale));
        }

        if (allowReset && actions.Count == 0
            && (SentinelResetPolicy.Choose(
                    input.Sentinels,
                    input.Nodes.Select(n => n.Endpoint).ToHashSet(),
                    input.Sentinels.Select(s => s.Sentinel).ToHashSet())
                ?? SentinelResetPolicy.ChooseLostTrack(input.Sentinels, input.Nodes, input.IncompleteFor, input.Settings.Quorum)) is { } reset)
        {
            actions.Add(reset);
        }

        return new HealPlan(agreement, master, actions)
        {
            InSync = input.Nodes.Count(n => n.Endpoint == master || n.IsReplica && n.Replication!.Master == master && n.Replication.MasterLinkUp),
            MasterAnswers = true,
            Readiness = readiness,
        };
    }
}
