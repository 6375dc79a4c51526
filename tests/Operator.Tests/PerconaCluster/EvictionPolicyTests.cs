using BackendStack.Operator.PerconaClusters.Policy;
using static BackendStack.Tests.PerconaClusterPolicy.PerconaClusterFixtures;

namespace BackendStack.Tests.PerconaClusterPolicy;

public sealed class EvictionPolicyTests
{
    private const string Id0 = "0a0a0a0a-0000-11ee-8000-000000000000";
    private const string Id1 = "1b1b1b1b-0000-11ee-8000-000000000000";
    private const string Id2 = "2c2c2c2c-0000-11ee-8000-000000000000";

    private static readonly Dictionary<string, GaleraMember> Members = new()
    {
        ["db-pxc-0"] = new GaleraMember(Id0, "c0"),
        ["db-pxc-1"] = new GaleraMember(Id1, "c1"),
        ["db-pxc-2"] = new GaleraMember(Id2, "c2"),
    };

    private static GaleraNode Live(int ordinal, string id, string container) => Node(ordinal, Synced(3) with { GcommUuid = id }) with { ContainerId = container };

    [Fact]
    public void ANodeWhoseContainerExitedIsEvictedOnceThroughThePrimaryComponent()
    {
        GaleraNode[] nodes = [Live(0, Id0, "c0"), Live(1, Id1, "c1"), Node(2, null, running: false)];

        Assert.Equal([("db-pxc-2", Id2)], EvictionPolicy.ToEvict(nodes, Members, new HashSet<string>()));
        Assert.Empty(EvictionPolicy.ToEvict(nodes, Members, new HashSet<string> { Id2 }));
    }

    [Fact]
    public void ANodeAlreadyRestartedInANewContainerHasItsOldIdEvictedButNotItsNewOne()
    {
        GaleraNode[] nodes = [Live(0, Id0, "c0"), Live(1, Id1, "c1"), Node(2, null) with { ContainerId = "c2-restarted" }];
        Assert.Equal([("db-pxc-2", Id2)], EvictionPolicy.ToEvict(nodes, Members, new HashSet<string>()));

        GaleraNode[] rejoined = [Live(0, Id0, "c0"), Live(1, Id1, "c1"), Live(2, Id2, "c2-restarted")];
        Assert.Empty(EvictionPolicy.ToEvict(rejoined, Members, new HashSet<string>()));
    }

    [Fact]
    public void ANodeWhosePortRefusesConnectionsIsEvictedBeforeItsPodShowsTheExit()
    {
        GaleraNode[] nodes = [Live(0, Id0, "c0"), Live(1, Id1, "c1"), Node(2, Operator.DataPlane.Galera.GaleraNodeState.Unreachable("refused", refused: true)) with { ContainerId = "c2" }];

        Assert.Equal([("db-pxc-2", Id2)], EvictionPolicy.ToEvict(nodes, Members, new HashSet<string>()));
    }

    [Fact]
    public void NothingIsEvictedWithoutAPrimaryComponentOrForARunningNodeOrAnUnknownOne()
    {
        GaleraNode[] noPrimary = [Node(0, NonPrimary(10)) with { ContainerId = "c0" }, Node(2, null, running: false)];
        Assert.Empty(EvictionPolicy.ToEvict(noPrimary, Members, new HashSet<string>()));

        GaleraNode[] unreachableButRunning = [Live(0, Id0, "c0"), Live(1, Id1, "c1"), Node(2, Operator.DataPlane.Galera.GaleraNodeState.Unreachable("timeout")) with { ContainerId = "c2" }];
        Assert.Empty(EvictionPolicy.ToEvict(unreachableButRunning, Members, new HashSet<string>()));

        GaleraNode[] neverSeen = [Live(0, Id0, "c0"), Live(1, Id1, "c1"), Node(3, null, running: false)];
        Assert.Empty(EvictionPolicy.ToEvict(neverSeen, Members, new HashSet<string>()));
    }

    [Fact]
    public void OnlyAMemberIdGoesIntoTheStatement()
    {
        Assert.True(EvictionPolicy.IsMemberId(Id1));
        Assert.False(EvictionPolicy.IsMemberId("x'; DROP DATABASE shop; --"));
        var forged = new Dictionary<string, GaleraMember> { ["db-pxc-2"] = new GaleraMember("1', pc.bootstrap=YES", "c2") };
        Assert.Empty(EvictionPolicy.ToEvict([Live(0, Id0, "c0"), Node(2, null, running: false)], forged, new HashSet<string>()));
    }
}
