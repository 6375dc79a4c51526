using BackendStack.Operator.GlusterVolumes.Status;

namespace BackendStack.Operator.GlusterVolumes;

/// <summary>
/// What the lead pod's glusterd reported in one reconcile: the pool's other peers, the volume, and once it exists its
/// options in force, once it is started its bricks and heal entries pending (null when that read failed). Problems
/// names each read that failed, with gluster's own text.
/// </summary>
internal sealed record GlusterObservation(
    IReadOnlyDictionary<string, bool> Peers,
    VolumeInfo? Info,
    IReadOnlyList<BrickObservation> Bricks,
    long? HealPending,
    IReadOnlyDictionary<string, string>? Options,
    IReadOnlyList<string> Problems);
