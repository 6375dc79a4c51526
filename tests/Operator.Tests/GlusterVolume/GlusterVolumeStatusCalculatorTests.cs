using BackendStack.Operator.Api;
using BackendStack.Operator.GlusterVolumes.Builders;
using BackendStack.Operator.GlusterVolumes.Policy;
using BackendStack.Operator.GlusterVolumes.Status;
using k8s.Models;

namespace BackendStack.Tests.GlusterVolumePolicy;

/// <summary>Phase, conditions and brick list of a GlusterVolume from one reconcile's observations.</summary>
public sealed class GlusterVolumeStatusCalculatorTests
{
    private static readonly GlusterVolumeNames Names = new("files");
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly VolumeInfo Started = new(true, true, []);

    private static GlusterVolume Resource(int replicas = 3) =>
        new() { Metadata = new V1ObjectMeta { Name = "files", NamespaceProperty = "web", Generation = 2 }, Spec = new GlusterVolumeSpec { Replicas = replicas, BrickStorage = new StorageSpec { Size = "1Gi" } } };

    private static List<GlusterPod> Pods(int n) => [.. Enumerable.Range(0, n).Select(i => new GlusterPod(Names.Pod(i), i, true))];

    private static BrickObservation[] Bricks(int n, params int[] offline) =>
        [.. Enumerable.Range(0, n).Select(i => new BrickObservation(Names.Host(Names.Pod(i), "web"), Names.BrickPath, !offline.Contains(i), null))];

    private static GlusterVolumeStatus Compute(GlusterVolume resource, VolumeInfo? info, IReadOnlyList<BrickObservation> bricks, long? heal, VolumePlan? plan = null, IReadOnlyList<GlusterSpecError>? errors = null) =>
        GlusterVolumeStatusCalculator.Compute(new GlusterVolumeStatusInput(resource, errors ?? [], Pods(resource.Spec.Replicas), plan ?? VolumePlan.Nothing, info, bricks, heal, [], Now));

    private static V1Condition Condition(GlusterVolumeStatus status, string type) => status.Conditions!.Single(c => c.Type == type);

    [Fact]
    public void EveryBrickOnlineAndNothingToHealIsReadyWithTheMount()
    {
        var status = Compute(Resource(), Started, Bricks(3), 0);

        Assert.Equal((Phase.Ready, "3/3", 0L, "files"), (status.Phase, status.BricksOnline, status.HealPending!.Value, status.VolumeName));
        Assert.Equal("files-gluster.web.svc.cluster.local:/files", status.Mount);
        Assert.Equal(["files-gluster-0", "files-gluster-1", "files-gluster-2"], status.Bricks!.Select(b => b.Pod));
        Assert.Equal(("True", "False", "False"), (Condition(status, "Ready").Status, Condition(status, "Progressing").Status, Condition(status, "Degraded").Status));
    }

    [Fact]
    public void AnOfflineBrickAndEntriesToHealAreDegradedAndNamed()
    {
        var status = Compute(Resource(), Started, Bricks(3, offline: 1), 37, new VolumePlan(VolumeAction.RestartBricks, ["files-gluster-1"], "brick of files-gluster-1 offline while its pod runs"));

        Assert.Equal((Phase.Degraded, "2/3"), (status.Phase, status.BricksOnline));
        var degraded = Condition(status, "Degraded");
        Assert.Equal(("True", GlusterVolumeReasons.BricksOffline, "brick files-gluster-1 offline; 37 entries to heal"), (degraded.Status, degraded.Reason, degraded.Message));
        Assert.Equal("False", Condition(status, "Ready").Status);
        Assert.Equal("True", Condition(status, "Progressing").Status);
        Assert.False(status.Bricks![1].Online);
    }

    [Fact]
    public void AVolumeBeingFormedIsProvisioningAndProgressing()
    {
        var status = Compute(Resource(), VolumeInfo.Missing, [], null, new VolumePlan(VolumeAction.Probe, ["h"], "probing h into the pool of files-gluster-0"));

        Assert.Equal((Phase.Provisioning, "0/3", null), (status.Phase, status.BricksOnline, status.Mount));
        Assert.Equal(("True", "probing h into the pool of files-gluster-0"), (Condition(status, "Progressing").Status, Condition(status, "Progressing").Message));
        Assert.Equal(("False", GlusterVolumeReasons.Creating), (Condition(status, "Ready").Status, Condition(status, "Ready").Reason));
    }

    [Fact]
    public void AnInvalidSpecIsDegradedNamingTheField()
    {
        var status = Compute(Resource(), null, [], null, null, [new GlusterSpecError("spec.options[bad name]", "is not a gluster option name")]);

        Assert.Equal(Phase.Degraded, status.Phase);
        Assert.Equal((ConditionReasons.InvalidSpec, "spec.options[bad name]: is not a gluster option name"), (Condition(status, "Degraded").Reason, Condition(status, "Degraded").Message));
        Assert.Equal(ConditionReasons.InvalidSpec, Condition(status, "Ready").Reason);
    }

    [Fact]
    public void ReplicaTwoIsReadyButWarnsOfSplitBrain()
    {
        var status = Compute(Resource(2), Started, Bricks(2), 0);

        Assert.Equal(Phase.Ready, status.Phase);
        Assert.Equal(("True", GlusterVolumeReasons.SplitBrainRisk), (Condition(status, "Degraded").Status, Condition(status, "Degraded").Reason));
    }
}
