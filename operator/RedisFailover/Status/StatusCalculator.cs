using System.Globalization;
using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Operator.RedisFailovers.Status;

/// <summary>The RedisFailover status as a pure function of the spec, what was observed and the previous status.</summary>
internal static class StatusCalculator
{
    public static RedisFailoverStatus Compute(StatusInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resource = input.Resource;
        var previous = resource.Status;
        var names = new RedisFailoverNames(resource.Metadata.Name);
        var spec = resource.Spec;
        var redisReady = input.RedisPods.Count(p => p.Ready);
        var sentinelsReady = input.SentinelPods.Count(p => p.Ready);
        var agreement = input.Plan?.Agreement;
        // While sentinels disagree or fail over, the master is not settled: the status keeps the last one, so a
        // failover found afterwards (without Sentinel's announcement) still shows from where to where it went.
        var settling = agreement?.Kind is SentinelAgreementKind.Disagree or SentinelAgreementKind.FailoverInProgress;
        var masterPod = settling ? null : input.Plan?.Master is { } m ? PodState.At(input.RedisPods, m) : null;
        var masterAvailable = masterPod is not null && input.Plan!.MasterAnswers
            && agreement?.Kind is SentinelAgreementKind.Agreed or SentinelAgreementKind.NoQuorum or SentinelAgreementKind.Unmonitored
            && input.Plan.Actions.All(a => a is not PromoteReplica);
        var quorum = agreement?.Kind == SentinelAgreementKind.Agreed;
        var podsReady = redisReady == spec.Redis.Replicas && input.RedisPods.Count == spec.Redis.Replicas
            && sentinelsReady == spec.Sentinel.Replicas && input.SentinelPods.Count == spec.Sentinel.Replicas;

        var (degraded, degradedReason, degradedMessage) = Degradation(input, agreement, masterAvailable);
        // With replicas to promote, Ready means Sentinel could fail over now, not only that it watches.
        var canFailOver = spec.Redis.Replicas <= 1 || input.Plan?.Readiness is { CanFailOver: true };
        var healthy = masterAvailable && quorum && podsReady && !degraded;
        var ready = healthy && canFailOver;
        var healing = input.Plan is { Actions.Count: > 0 };
        var rolling = input.Roll is { Rolling: true };
        var conditions = new Conditions(previous.Conditions, resource.Metadata.Generation, input.Now)
            .Set(ConditionTypes.Ready, ready, ready ? "AllReady" : NotReadyReason(masterAvailable, quorum, podsReady, degraded), ready
                ? Text($"Master {masterPod!.Name} with {redisReady - 1} replicas and {sentinelsReady} sentinels agreeing")
                : healthy ? FailoverReadinessText.Describe(input.Plan!.Readiness, input.SentinelPods)
                : "See the MasterAvailable, SentinelQuorum and Degraded conditions")
            .Set(ConditionTypes.MasterAvailable, masterAvailable, masterAvailable ? "MasterReachable" : "NoMaster", masterAvailable
                ? Text($"{masterPod!.Name} ({masterPod.Ip}) serves as master")
                : "No reachable master the sentinels or the operator agree on")
            .Set(ConditionTypes.SentinelQuorum, quorum, agreement is null ? "NotChecked" : agreement.Kind.ToString(), agreement?.Message ?? "The sentinels have not been asked yet")
            .Set(ConditionTypes.Degraded, degraded, degradedReason, degradedMessage)
            .Set(ConditionTypes.Progressing, !ready && !degraded || healing || rolling, healing ? "Healing" : rolling ? "RollingUpdate" : ready ? "Stable" : "Provisioning", healing
                ? string.Join("; ", input.Plan!.Actions.Select(a => a.Describe()))
                : rolling ? $"{input.Roll!.Progress}; {input.Roll.Step?.Describe() ?? input.Roll.Waiting}"
                : ready ? "Nothing to do"
                : podsReady && !canFailOver ? FailoverReadinessText.Describe(input.Plan?.Readiness, input.SentinelPods)
                : Text($"{redisReady}/{spec.Redis.Replicas} redis and {sentinelsReady}/{spec.Sentinel.Replicas} sentinels ready"));

        // Times come back from the API server at reduced precision: compare to the millisecond.
        var failoverIsNew = input.LatestFailover is { Time: { } t }
            && (previous.LastFailover?.Time is not { } seen || Math.Abs((seen - t).TotalMilliseconds) >= 1);
        var ns = resource.Metadata.NamespaceProperty;
        return new RedisFailoverStatus
        {
            ObservedGeneration = resource.Metadata.Generation,
            Conditions = conditions.List,
            Phase = input.SpecErrors.Count > 0 ? Phase.Failed
                : ready ? Phase.Ready
                : degraded ? Phase.Degraded
                : input.RedisPods.Count == 0 ? Phase.Pending
                : Phase.Provisioning,
            Master = masterPod is null ? (settling ? previous.Master : null) : new RedisMasterStatus
            {
                Pod = masterPod.Name,
                Ip = masterPod.Ip,
                Port = RedisFailoverNames.RedisPort,
                Since = previous.Master?.Pod == masterPod.Name && previous.Master.Since is { } since ? since : input.Now,
            },
            Redis = new ReadyCount { Ready = redisReady, Total = spec.Redis.Replicas },
            Sentinels = new SentinelCount { Ready = sentinelsReady, Total = spec.Sentinel.Replicas, Agreeing = agreement?.Agreeing ?? 0 },
            RedisReady = Text($"{redisReady}/{spec.Redis.Replicas}"),
            SentinelsReady = Text($"{sentinelsReady}/{spec.Sentinel.Replicas}"),
            Failovers = (previous.Failovers ?? 0) + (failoverIsNew ? 1 : 0),
            LastFailover = failoverIsNew ? input.LatestFailover : previous.LastFailover,
            SplitBrainsResolved = (previous.SplitBrainsResolved ?? 0) + input.SplitBrainsResolved,
            Endpoints = new RedisEndpoints
            {
                Master = Text($"{RedisFailoverNames.ServiceHost(names.MasterService, ns)}:{RedisFailoverNames.RedisPort}"),
                Replicas = Text($"{RedisFailoverNames.ServiceHost(names.ReplicasService, ns)}:{RedisFailoverNames.RedisPort}"),
                Sentinel = Text($"{RedisFailoverNames.ServiceHost(names.SentinelService, ns)}:{RedisFailoverNames.SentinelPort}"),
                MasterName = names.MasterName,
            },
            Selector = RedisFailoverLabels.SelectorString(resource.Metadata.Name, RedisFailoverLabels.RedisComponent),
        };
    }

    private static (bool Degraded, string Reason, string Message) Degradation(StatusInput input, SentinelAgreement? agreement, bool masterAvailable)
    {
        if (input.SpecErrors.Count > 0)
        {
            return (true, ConditionReasons.InvalidSpec, string.Join("; ", input.SpecErrors));
        }

        return agreement?.Kind switch
        {
            SentinelAgreementKind.Disagree => (true, "SentinelsDisagree", agreement.Message + "; changing nothing until they agree"),
            SentinelAgreementKind.FailoverInProgress => (true, "FailoverInProgress", agreement.Message),
            SentinelAgreementKind.NoQuorum when masterAvailable => (true, "SentinelQuorumLost", agreement.Message + "; Sentinel could not fail over now"),
            SentinelAgreementKind.Agreed when agreement.Unanswered.Count > 0 => (true, "SentinelsUnavailable", Unanswered(input, agreement)),
            _ when !masterAvailable && input.Plan is not null && input.Resource.Status.Master is not null => (true, "MasterUnavailable", MasterUnavailable(input, agreement)),
            _ => (false, "AsExpected", "Master, replicas and sentinels as the spec asks"),
        };
    }

    /// <summary>Who takes over, and when: Sentinel within down-after-milliseconds, the operator once Sentinel's time to act has passed.</summary>
    private static string MasterUnavailable(StatusInput input, SentinelAgreement? agreement)
    {
        if (agreement?.Kind != SentinelAgreementKind.Agreed || input.Plan!.Master is not { } master)
        {
            return "The master does not answer and no replica could take over yet";
        }

        var settings = SentinelSettingsBuilder.Build(input.Resource.Spec.Sentinel);
        var pod = PodState.NameAt(input.RedisPods, master);
        return Text($"{pod} does not answer as master; Sentinel fails it over once it is down for {settings.DownAfterMilliseconds} ms, or the operator promotes the replica with the most data if the sentinels still name it after {HealPlanner.SentinelGiveUpAfter(settings).TotalSeconds:0.#} s");
    }

    private static string Unanswered(StatusInput input, SentinelAgreement agreement)
    {
        var silent = agreement.Unanswered.Select(e => PodState.NameAt(input.SentinelPods, e)).ToList();
        var quorum = SentinelSettingsBuilder.Build(input.Resource.Spec.Sentinel).Quorum;
        return Text($"{string.Join(", ", silent)} {(silent.Count == 1 ? "does" : "do")} not answer; {agreement.Agreeing} of {agreement.Reachable + silent.Count} sentinels agree on the master, still enough to fail over (quorum {quorum})");
    }

    private static string NotReadyReason(bool masterAvailable, bool quorum, bool podsReady, bool degraded) =>
        !masterAvailable ? "MasterUnavailable" : !quorum ? "NoSentinelQuorum" : !podsReady ? "PodsNotReady" : degraded ? "Degraded" : "SentinelCannotFailOver";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
