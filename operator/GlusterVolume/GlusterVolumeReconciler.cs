using BackendStack.Operator.Api;
using BackendStack.Operator.GlusterVolumes.Builders;
using BackendStack.Operator.GlusterVolumes.Policy;
using BackendStack.Operator.GlusterVolumes.Status;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.GlusterVolumes;

/// <summary>
/// Reconciles one GlusterVolume: validates, keeps the children as the builders describe, reads the pool and volume from
/// the lead glusterd pod, takes the one step <see cref="VolumePolicy"/> decides (probe, create and start, start, or
/// restart offline bricks), sets the options that differ, and writes the computed status when it changed. The check
/// repeats every 2 s while the volume is not Ready and every 10 s when it is; pod changes wake it at once.
/// </summary>
internal sealed partial class GlusterVolumeReconciler(
    GlusterVolumeResources kinds, GlusterVolumeSessions sessions, GlusterExecutor executor, IEventRecorder events, GlusterMetrics metrics,
    IResourceClient<V1PersistentVolumeClaim> claims, TimeProvider time, ILogger<GlusterVolumeReconciler> logger) : IReconciler
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan SettlingInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long a restarted brick gets to come online before the next <c>volume start force</c>.</summary>
    public static readonly TimeSpan RestartPatience = TimeSpan.FromSeconds(5);

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var resource = kinds.Volumes.Cache.Get(key);
        if (resource is null)
        {
            sessions.Remove(key);
            return ReconcileResult.Done;
        }

        // Children go with their owner; the brick claims carry no owner reference and stay unless brickStorage.deletePolicy: Delete.
        var names = new GlusterVolumeNames(resource.Metadata.Name);
        var cleanup = new StatefulSetClaimCleanup<GlusterVolume>(kinds.Volumes.Client, kinds.StatefulSets.Client, claims);
        if (resource.Metadata.DeletionTimestamp is not null)
        {
            sessions.Remove(key);
            return await cleanup.RunAsync(resource, names.StatefulSet, GlusterVolumeNames.ClaimTemplate, SpecValidation.MaxReplicas, [], cancellationToken).ConfigureAwait(false)
                ? ReconcileResult.Done
                : ReconcileResult.After(SettlingInterval);
        }

        var ns = resource.Metadata.NamespaceProperty;
        var changes = new List<string>();
        var errors = SpecValidation.Check(resource.Spec);
        var pods = Pods(resource, names);
        VolumePlan? plan = null;
        GlusterObservation? observed = null;
        var problems = new List<string>();
        if (errors.Count == 0)
        {
            resource = await cleanup.EnsureFinalizerAsync(resource, resource.Spec.BrickStorage.DeletePolicy == DeletePolicy.Delete, cancellationToken).ConfigureAwait(false);
            await new GlusterVolumeChildren(kinds, resource, changes).ApplyAsync(cancellationToken).ConfigureAwait(false);
            (plan, observed) = await RunAsync(resource, names, pods, problems, changes, cancellationToken).ConfigureAwait(false);
        }

        var session = sessions.Get(key, resource.Metadata.Uid);
        var status = GlusterVolumeStatusCalculator.Compute(new GlusterVolumeStatusInput(
            resource, errors, pods, plan, observed?.Info, observed?.Bricks ?? [], observed?.HealPending, problems, time.GetUtcNow().UtcDateTime));
        if (observed?.Info is { Started: true })
        {
            RecordBrickEvents(resource, session, names, observed);
        }

        Observe(resource, names, observed);
        if (await StatusWriter.WriteIfChangedAsync(kinds.Volumes.Client, kinds.Volumes.Cache, resource, status, r => r.Status, (r, s) => r.Status = s, cancellationToken).ConfigureAwait(false))
        {
            changes.Add($"status {status.Phase} {status.BricksOnline}");
            if (errors.Count > 0 && !StatusWriter.AreEqual(resource.Status?.Conditions, status.Conditions))
            {
                events.Warning(resource, ConditionReasons.InvalidSpec, string.Join("; ", errors));
            }
        }

        if (changes.Count > 0)
        {
            var summary = string.Join("; ", changes);
            LogReconciled(logger, ns, key.Name, summary);
        }

        return errors.Count > 0 ? ReconcileResult.After(TimeSpan.FromSeconds(30)) : ReconcileResult.After(status.Phase == Phase.Ready ? CheckInterval : SettlingInterval);
    }

    private async Task<(VolumePlan, GlusterObservation?)> RunAsync(
        GlusterVolume resource, GlusterVolumeNames names, IReadOnlyList<GlusterPod> pods, List<string> problems, List<string> changes, CancellationToken cancellationToken)
    {
        var ns = resource.Metadata.NamespaceProperty;
        if (VolumePolicy.Lead(pods, resource.Spec.Replicas) is not { } lead)
        {
            return (new VolumePlan(VolumeAction.Wait, [], "waiting for a glusterd pod to be ready"), null);
        }

        var observed = await executor.ObserveAsync(ns, lead.Pod, names.Volume, cancellationToken).ConfigureAwait(false);
        problems.AddRange(observed.Problems);
        if (observed.Info is not { } info)
        {
            return (new VolumePlan(VolumeAction.Wait, [lead.Pod], $"waiting for glusterd in {lead.Pod} to answer"), observed);
        }

        var session = sessions.Get(new ObjectKey(ns, resource.Metadata.Name), resource.Metadata.Uid);
        var plan = VolumePolicy.Decide(names, ns, resource.Spec.Replicas, pods, lead, observed.Peers, info, observed.Bricks);
        string? failed = null;
        switch (plan.Action)
        {
            case VolumeAction.Probe:
                foreach (var host in plan.Targets)
                {
                    failed ??= await executor.ProbeAsync(ns, lead.Pod, host, cancellationToken).ConfigureAwait(false) is { } e ? $"peer probe {host}: {e}" : null;
                    changes.Add($"peer probe {host}");
                }

                break;
            case VolumeAction.Create:
                foreach (var pod in plan.Targets.Select(b => names.PodOfHost(b)).OfType<string>())
                {
                    failed ??= await executor.MakeBrickDirectoryAsync(ns, pod, names.BrickPath, cancellationToken).ConfigureAwait(false);
                }

                failed ??= await executor.CreateAsync(ns, lead.Pod, names.Volume, plan.Targets, cancellationToken).ConfigureAwait(false) is { } c ? $"volume create: {c}" : null;
                if (failed is null)
                {
                    events.Normal(resource, "VolumeCreated", $"volume {names.Volume} created: replica {plan.Targets.Count}, bricks {string.Join(", ", plan.Targets)}");
                    changes.Add($"volume create {names.Volume}");
                    failed = await StartAsync(ns, lead, names, force: false, changes, cancellationToken).ConfigureAwait(false);
                }

                break;
            case VolumeAction.Start:
                failed = await StartAsync(ns, lead, names, force: false, changes, cancellationToken).ConfigureAwait(false);
                break;
            case VolumeAction.RestartBricks when session.LastRestart is not { } last || time.GetUtcNow() - last >= RestartPatience:
                session.LastRestart = time.GetUtcNow();
                failed = await StartAsync(ns, lead, names, force: true, changes, cancellationToken).ConfigureAwait(false);
                metrics.BrickRestarts.WithLabels(ns, resource.Metadata.Name).Inc();
                events.Normal(resource, "BrickRestarted", $"volume start {names.Volume} force: {plan.Message}");
                break;
        }

        if (failed is not null)
        {
            problems.Add(failed);
        }

        if (observed.Options is { } current)
        {
            await SetOptionsAsync(resource, names, lead, current, problems, changes, cancellationToken).ConfigureAwait(false);
        }

        return (plan, observed);
    }

    private async Task<string?> StartAsync(string ns, GlusterPod lead, GlusterVolumeNames names, bool force, List<string> changes, CancellationToken cancellationToken)
    {
        changes.Add(force ? $"volume start {names.Volume} force" : $"volume start {names.Volume}");
        return await executor.StartAsync(ns, lead.Pod, names.Volume, force, cancellationToken).ConfigureAwait(false) is { } e ? $"volume start: {e}" : null;
    }

    /// <summary>Sets each option whose value in force differs from the desired one; a rejected option is named as a problem.</summary>
    private async Task SetOptionsAsync(
        GlusterVolume resource, GlusterVolumeNames names, GlusterPod lead, IReadOnlyDictionary<string, string> current, List<string> problems, List<string> changes,
        CancellationToken cancellationToken)
    {
        var ns = resource.Metadata.NamespaceProperty;
        foreach (var (option, value) in OptionsPolicy.Changes(current, OptionsPolicy.Desired(resource.Spec.Options)))
        {
            if (await executor.SetAsync(ns, lead.Pod, names.Volume, option, value, cancellationToken).ConfigureAwait(false) is { } error)
            {
                problems.Add($"{(resource.Spec.Options?.ContainsKey(option) == true ? $"spec.options[{option}]" : option)}: {error.ReplaceLineEndings(" ")}");
            }
            else
            {
                changes.Add($"volume set {option} {value}");
            }
        }
    }

    private void RecordBrickEvents(GlusterVolume resource, GlusterVolumeSession session, GlusterVolumeNames names, GlusterObservation observed)
    {
        var online = observed.Bricks.Where(b => b.Online).Select(b => names.PodOfHost(b.Host) ?? b.Host).ToHashSet(StringComparer.Ordinal);
        var all = observed.Bricks.Select(b => names.PodOfHost(b.Host) ?? b.Host).ToList();
        var before = session.PreviouslyOnline;
        foreach (var pod in all.Where(p => !online.Contains(p) && (before is null || before.Contains(p))).Order(StringComparer.Ordinal))
        {
            events.Warning(resource, "BrickOffline", $"brick {names.BrickPath} of {pod} is offline");
        }

        foreach (var pod in online.Where(p => before is not null && !before.Contains(p)).Order(StringComparer.Ordinal))
        {
            events.Normal(resource, "BrickOnline", $"brick {names.BrickPath} of {pod} is online");
        }

        session.PreviouslyOnline = online;
        if (observed.HealPending is { } heal)
        {
            if (heal == 0 && session.PreviousHealPending is > 0)
            {
                events.Normal(resource, "HealCompleted", $"every brick of {names.Volume} is healed ({session.PreviousHealPending} entries were pending)");
            }

            session.PreviousHealPending = heal;
        }
    }

    private void Observe(GlusterVolume resource, GlusterVolumeNames names, GlusterObservation? observed)
    {
        string[] labels = [resource.Metadata.NamespaceProperty, resource.Metadata.Name];
        metrics.BricksOnline.WithLabels(labels).Set(observed?.Bricks.Count(b => b.Online) ?? 0);
        if (observed?.HealPending is { } heal)
        {
            metrics.HealPending.WithLabels(labels).Set(heal);
        }

        foreach (var brick in observed?.Bricks ?? [])
        {
            string[] brickLabels = [.. labels, names.PodOfHost(brick.Host) ?? brick.Host];
            if (brick.SizeFree is { } free)
            {
                metrics.BrickFree.WithLabels(brickLabels).Set(free);
            }

            if (brick.SizeTotal is { } total)
            {
                metrics.BrickTotal.WithLabels(brickLabels).Set(total);
            }
        }
    }

    private List<GlusterPod> Pods(GlusterVolume resource, GlusterVolumeNames names) =>
        [.. kinds.Pods.Cache.List(resource.Metadata.NamespaceProperty)
            .Where(p => p.Metadata.DeletionTimestamp is null && GlusterVolumeLabels.InstanceOf(p) == resource.Metadata.Name && names.OrdinalOf(p.Metadata.Name) is not null)
            .Select(p => new GlusterPod(p.Metadata.Name, names.OrdinalOf(p.Metadata.Name)!.Value, PodReadiness.IsReady(p)))
            .OrderBy(p => p.Ordinal)];

    [LoggerMessage(Level = LogLevel.Information, Message = "glustervolume {Namespace}/{Name}: {Changes}")]
    private static partial void LogReconciled(ILogger logger, string @namespace, string name, string changes);
}
