using BackendStack.Operator.GlusterVolumes.Builders;
using BackendStack.Operator.GlusterVolumes.Policy;

namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>
/// Everything the status is computed from: the resource, spec errors, its pods, the step this reconcile took, the
/// volume and bricks the lead glusterd reports (null info when no glusterd answered), heal entries pending (null when
/// not read) and problems met on the way (a failed command, a rejected option).
/// </summary>
internal sealed record GlusterVolumeStatusInput(
    Api.GlusterVolume Resource,
    IReadOnlyList<GlusterSpecError> Errors,
    IReadOnlyList<GlusterPod> Pods,
    VolumePlan? Plan,
    VolumeInfo? Info,
    IReadOnlyList<BrickObservation> Bricks,
    long? HealPending,
    IReadOnlyList<string> Problems,
    DateTime Now);
