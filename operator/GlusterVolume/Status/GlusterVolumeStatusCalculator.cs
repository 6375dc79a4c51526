using BackendStack.Operator.Api;
using BackendStack.Operator.GlusterVolumes.Builders;
using BackendStack.Operator.GlusterVolumes.Policy;
using BackendStack.Operator.RedisFailovers.Status;

namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>
/// The status of a GlusterVolume as a pure function of one reconcile: <c>bricks</c> (pod, path, online) as glusterd
/// lists them, <c>bricksOnline</c>, <c>healPending</c>, and <c>volumeName</c> and <c>mount</c> once the volume is started.
/// Ready when the volume is started with one brick per replica, every brick online and nothing to heal; Progressing
/// while the operator forms the pool, creates or starts the volume or restarts a brick; Degraded for an invalid spec, a
/// brick offline, entries to heal, a failed command, or replica 2 (which can split its brain).
/// </summary>
internal static class GlusterVolumeStatusCalculator
{
    public static GlusterVolumeStatus Compute(GlusterVolumeStatusInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resource = input.Resource;
        var names = new GlusterVolumeNames(resource.Metadata.Name);
        var replicas = resource.Spec.Replicas;
        var conditions = new Conditions(resource.Status?.Conditions, resource.Metadata.Generation, input.Now);
        var started = input.Info is { Exists: true, Started: true };
        var bricks = input.Bricks.Select(b => new GlusterBrickStatus { Pod = names.PodOfHost(b.Host) ?? b.Host, Path = b.Path, Online = b.Online }).ToList();
        var online = bricks.Count(b => b.Online == true);
        var heal = input.HealPending ?? 0;
        var errors = string.Join("; ", input.Errors);

        var problems = new List<string>();
        if (started)
        {
            problems.AddRange(bricks.Where(b => b.Online != true).Select(b => $"brick {b.Pod} offline"));
            if (bricks.Count != replicas)
            {
                problems.Add($"the volume has {bricks.Count} bricks, spec.replicas asks for {replicas} (changing the brick count is not supported)");
            }

            if (heal > 0)
            {
                problems.Add($"{heal} entries to heal");
            }
        }

        problems.AddRange(input.Problems);
        var ready = input.Errors.Count == 0 && started && problems.Count == 0 && input.HealPending is not null;
        var hint = ReplicaHint.For(replicas);
        var (degraded, reason, message) = input.Errors.Count > 0 ? (true, ConditionReasons.InvalidSpec, errors)
            : problems.Count > 0 ? (true, ProblemReason(bricks, heal, started), string.Join("; ", problems))
            : hint is not null ? (true, GlusterVolumeReasons.SplitBrainRisk, hint)
            : (false, GlusterVolumeReasons.Healthy, "no problem found");
        var plan = input.Plan is { Action: not VolumeAction.None } p ? p : null;

        conditions.Set(ConditionTypes.Ready, ready,
            ready ? GlusterVolumeReasons.BricksOnline : input.Errors.Count > 0 ? ConditionReasons.InvalidSpec : started ? reason : GlusterVolumeReasons.Creating,
            ready ? $"{online}/{replicas} bricks online, nothing to heal" : input.Errors.Count > 0 ? errors
                : started ? message : plan?.Message ?? (problems.Count > 0 ? string.Join("; ", problems) : "waiting for glusterd"));
        var progressing = input.Errors.Count == 0 && plan is not null;
        conditions.Set(ConditionTypes.Progressing, progressing, progressing ? GlusterVolumeReasons.Reconciling : GlusterVolumeReasons.Stable,
            plan?.Message ?? "nothing to change");
        conditions.Set(ConditionTypes.Degraded, degraded, reason, message);
        return new GlusterVolumeStatus
        {
            ObservedGeneration = resource.Metadata.Generation,
            Phase = ready ? Phase.Ready : input.Errors.Count > 0 || (started && problems.Count > 0) ? Phase.Degraded : input.Pods.Count == 0 ? Phase.Pending : Phase.Provisioning,
            VolumeName = input.Info?.Exists == true ? names.Volume : resource.Status?.VolumeName,
            Bricks = bricks.Count > 0 ? bricks : null,
            BricksOnline = $"{(bricks.Count > 0 ? online : 0)}/{(bricks.Count > 0 ? bricks.Count : replicas)}",
            HealPending = input.HealPending ?? resource.Status?.HealPending,
            Mount = started ? names.Mount(resource.Metadata.NamespaceProperty) : resource.Status?.Mount,
            Conditions = conditions.List,
        };
    }

    private static string ProblemReason(List<GlusterBrickStatus> bricks, long heal, bool started) =>
        started && bricks.Any(b => b.Online != true) ? GlusterVolumeReasons.BricksOffline
        : started && heal > 0 ? GlusterVolumeReasons.HealPending
        : GlusterVolumeReasons.CommandFailed;
}
