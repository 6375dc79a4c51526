using BackendStack.Operator.Api;
using BackendStack.Operator.GlusterVolumes.Builders;
using BackendStack.Operator.GlusterVolumes.Policy;
using BackendStack.Operator.GlusterVolumes.Status;

namespace BackendStack.Tests.GlusterVolumePolicy;

/// <summary>Spec checks, the option diff and the next step on the volume, as pure decisions.</summary>
public sealed class GlusterVolumePolicyTests
{
    private static readonly GlusterVolumeNames Names = new("files");

    private static List<GlusterPod> Pods(params bool[] ready) => [.. ready.Select((r, i) => new GlusterPod(Names.Pod(i), i, r))];

    private static string Host(int ordinal) => Names.Host(Names.Pod(ordinal), "web");

    private static BrickObservation Brick(int ordinal, bool online) => new(Host(ordinal), Names.BrickPath, online, online ? 100 + ordinal : null);

    [Fact]
    public void InvalidReplicasAndOptionNamesAreNamedByField()
    {
        var spec = new GlusterVolumeSpec { Replicas = 0, BrickStorage = new StorageSpec { Size = "1Gi" }, Options = new Dictionary<string, string> { ["bad name;rm"] = "1", ["nfs.disable"] = "on" } };

        var errors = SpecValidation.Check(spec);

        Assert.Equal(["spec.replicas", "spec.options[bad name;rm]"], errors.Select(e => e.Field));
        Assert.Empty(SpecValidation.Check(new GlusterVolumeSpec { BrickStorage = new StorageSpec { Size = "1Gi" }, Options = new Dictionary<string, string> { ["performance.cache-size"] = "64MB" } }));
        Assert.Equal("spec.options[nfs.disable]", Assert.Single(SpecValidation.Check(new GlusterVolumeSpec { BrickStorage = new StorageSpec { Size = "1Gi" }, Options = new Dictionary<string, string> { ["nfs.disable"] = "" } })).Field);
    }

    [Fact]
    public void OnlyOptionsThatDifferAreSetAndTheSpecWinsOverTheSafeDefaults()
    {
        var desired = OptionsPolicy.Desired(new Dictionary<string, string> { ["performance.cache-size"] = "64MB", ["cluster.quorum-type"] = "fixed" });
        var current = new Dictionary<string, string> { ["cluster.quorum-type"] = "auto", ["cluster.server-quorum-type"] = "server", ["performance.cache-size"] = "32MB" };

        Assert.Equal(
            [new("cluster.quorum-type", "fixed"), new KeyValuePair<string, string>("performance.cache-size", "64MB")],
            OptionsPolicy.Changes(current, desired));
        Assert.Empty(OptionsPolicy.Changes(new Dictionary<string, string> { ["cluster.quorum-type"] = "AUTO", ["cluster.server-quorum-type"] = "server" }, OptionsPolicy.Desired(null)));
        Assert.Equal(2, OptionsPolicy.Changes(new Dictionary<string, string>(), OptionsPolicy.Desired(null)).Count);
    }

    [Fact]
    public void ANewVolumeWaitsForEveryPodThenProbesThenWaitsForPeersThenIsCreated()
    {
        var none = new Dictionary<string, bool>();
        var pods = Pods(true, true, false);
        Assert.Equal((VolumeAction.Wait, "files-gluster-2"), Step(pods, none, VolumeInfo.Missing));

        pods = Pods(true, true, true);
        var probe = VolumePolicy.Decide(Names, "web", 3, pods, pods[0], none, VolumeInfo.Missing, []);
        Assert.Equal(VolumeAction.Probe, probe.Action);
        Assert.Equal([Host(1), Host(2)], probe.Targets);

        Assert.Equal((VolumeAction.Wait, Host(2)), Step(pods, new Dictionary<string, bool> { [Host(1)] = true, [Host(2)] = false }, VolumeInfo.Missing));

        var create = VolumePolicy.Decide(Names, "web", 3, pods, pods[0], new Dictionary<string, bool> { [Host(1)] = true, [Host(2)] = true }, VolumeInfo.Missing, []);
        Assert.Equal(VolumeAction.Create, create.Action);
        Assert.Equal([Names.Brick(Names.Pod(0), "web"), Names.Brick(Names.Pod(1), "web"), Names.Brick(Names.Pod(2), "web")], create.Targets);
    }

    [Fact]
    public void ACreatedVolumeIsStartedAndAnOfflineBrickIsRestartedOnlyWhileItsPodRuns()
    {
        var peers = new Dictionary<string, bool> { [Host(1)] = true, [Host(2)] = true };
        var started = new VolumeInfo(true, true, []);
        Assert.Equal(VolumeAction.Start, Step(Pods(true, true, true), peers, new VolumeInfo(true, false, [])).Action);

        var pods = Pods(true, true, true);
        var restart = VolumePolicy.Decide(Names, "web", 3, pods, pods[0], peers, started, [Brick(0, true), Brick(1, false), Brick(2, true)]);
        Assert.Equal((VolumeAction.RestartBricks, "files-gluster-1"), (restart.Action, Assert.Single(restart.Targets)));

        pods = Pods(true, false, true);
        Assert.Equal(VolumeAction.None, VolumePolicy.Decide(Names, "web", 3, pods, pods[0], peers, started, [Brick(0, true), Brick(1, false), Brick(2, true)]).Action);
        Assert.Equal(VolumeAction.None, Step(Pods(true, true, true), peers, started, Brick(0, true), Brick(1, true), Brick(2, true)).Action);
    }

    [Fact]
    public void TheLeadIsTheLowestReadyPodAndReplicaTwoGetsAHint()
    {
        Assert.Equal("files-gluster-1", VolumePolicy.Lead(Pods(false, true, true), 3)!.Pod);
        Assert.Null(VolumePolicy.Lead(Pods(false, false), 2));
        Assert.Contains("arbiter", ReplicaHint.For(2), StringComparison.Ordinal);
        Assert.Null(ReplicaHint.For(3));
    }

    private static (VolumeAction Action, string Target) Step(List<GlusterPod> pods, Dictionary<string, bool> peers, VolumeInfo info, params BrickObservation[] bricks)
    {
        var plan = VolumePolicy.Decide(Names, "web", 3, pods, pods.First(p => p.Ready), peers, info, bricks);
        return (plan.Action, string.Join(",", plan.Targets));
    }
}
