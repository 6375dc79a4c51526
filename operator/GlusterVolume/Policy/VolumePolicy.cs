using BackendStack.Operator.GlusterVolumes.Builders;
using BackendStack.Operator.GlusterVolumes.Status;

namespace BackendStack.Operator.GlusterVolumes.Policy;

/// <summary>
/// Decides the next data-plane step of a GlusterVolume from what the lead pod's glusterd reports. A new volume waits
/// for every glusterd pod, probes the pods missing from the pool (by their stable names), waits for every peer to be
/// connected, then is created with one brick per pod (replica N) and started. A started volume whose brick is offline
/// while the brick's pod is Ready (its glusterfsd died) gets <c>volume start force</c>, which starts only the bricks
/// that are down. A brick whose pod is not Ready waits for the pod.
/// </summary>
internal static class VolumePolicy
{
    /// <summary>The pod the gluster commands run in: the lowest ordinal whose glusterd listens, or null.</summary>
    public static GlusterPod? Lead(IReadOnlyList<GlusterPod> pods, int replicas) =>
        pods.Where(p => p.Ready && p.Ordinal < replicas).MinBy(p => p.Ordinal);

    public static VolumePlan Decide(
        GlusterVolumeNames names, string ns, int replicas, IReadOnlyList<GlusterPod> pods, GlusterPod lead,
        IReadOnlyDictionary<string, bool> peers, VolumeInfo info, IReadOnlyList<BrickObservation> bricks)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(bricks);
        if (!info.Exists)
        {
            return New(names, ns, replicas, pods, lead, peers);
        }

        if (!info.Started)
        {
            return new VolumePlan(VolumeAction.Start, [names.Volume], $"volume {names.Volume} is created but not started");
        }

        var ready = pods.Where(p => p.Ready).Select(p => p.Pod).ToHashSet(StringComparer.Ordinal);
        var down = bricks.Where(b => !b.Online).Select(b => names.PodOfHost(b.Host)).OfType<string>().Where(ready.Contains).Order(StringComparer.Ordinal).ToList();
        return down.Count > 0
            ? new VolumePlan(VolumeAction.RestartBricks, down, $"brick of {string.Join(", ", down)} offline while its pod runs")
            : VolumePlan.Nothing;
    }

    private static VolumePlan New(GlusterVolumeNames names, string ns, int replicas, IReadOnlyList<GlusterPod> pods, GlusterPod lead, IReadOnlyDictionary<string, bool> peers)
    {
        var wanted = Enumerable.Range(0, replicas).Select(names.Pod).ToList();
        var notReady = wanted.Where(w => pods.FirstOrDefault(p => p.Pod == w) is not { Ready: true }).ToList();
        if (notReady.Count > 0)
        {
            return new VolumePlan(VolumeAction.Wait, notReady, $"waiting for glusterd in {string.Join(", ", notReady)}");
        }

        var others = wanted.Where(w => w != lead.Pod).Select(w => names.Host(w, ns)).ToList();
        var probe = others.Where(h => !peers.ContainsKey(h)).ToList();
        if (probe.Count > 0)
        {
            return new VolumePlan(VolumeAction.Probe, probe, $"probing {string.Join(", ", probe)} into the pool of {lead.Pod}");
        }

        var disconnected = others.Where(h => !peers[h]).ToList();
        if (disconnected.Count > 0)
        {
            return new VolumePlan(VolumeAction.Wait, disconnected, $"waiting for peers {string.Join(", ", disconnected)} to connect");
        }

        return new VolumePlan(VolumeAction.Create, [.. wanted.Select(w => names.Brick(w, ns))], $"creating volume {names.Volume} with {replicas} bricks");
    }
}
