using BackendStack.Operator.DataPlane.Galera;
using BackendStack.Operator.PerconaClusters.Policy;
using static BackendStack.Tests.PerconaClusterPolicy.PerconaClusterFixtures;

namespace BackendStack.Tests.PerconaClusterPolicy;

public sealed class EvictionPolicyTests
{
    private const string Id0 = "0a0a0a0a-0000-11ee-8000-000000000000";
    private const string Id1 = "1b1b1b1b-0000-11ee-8000-000000000000";
    private const string Id2 = "2c2c2c2c-0000-11ee-8000-000000000000";

    private static readonly Dictionary<string, string> Members = new() { ["db-pxc-0"] = Id0, ["db-pxc-1"] = Id1, ["db-pxc-2"] = Id2 };

    private static GaleraNode Live(int ordinal, string id, int size = 3) => Node(ordinal, Synced(size) with { GcommUuid = id });

    [Fact]
    public void ANodeWhoseContainerExitedIsEvictedOnceWhileTheSurvivorsStillCountIt()
    {
        GaleraNode[] nodes = [Live(0, Id0), Live(1, Id1), Node(2, null, running: false)];

        Assert.Equal([("db-pxc-2", Id2)], EvictionPolicy.ToEvict(nodes, Members, new HashSet<string>()));
        Assert.Empty(EvictionPolicy.ToEvict(nodes, Members, new HashSet<string> { Id2 }));
    }

    [Fact]
    public void ANodeWhosePortRefusesConnectionsIsEvictedBeforeItsPodShowsTheExit()
    {
        GaleraNode[] nodes = [Live(0, Id0), Live(1, Id1), Node(2, GaleraNodeState.Unreachable("refused", refused: true))];

        Assert.Equal([("db-pxc-2", Id2)], EvictionPolicy.ToEvict(nodes, Members, new HashSet<string>()));
    }

    [Fact]
    public void ANodeThatLeftCleanlyOrIsOnlySlowOrUnknownIsNotEvicted()
    {
        GaleraNode[] leftCleanly = [Live(0, Id0, size: 2), Live(1, Id1, size: 2), Node(2, null, running: false)];
        Assert.Empty(EvictionPolicy.ToEvict(leftCleanly, Members, new HashSet<string>()));

        GaleraNode[] slow = [Live(0, Id0), Live(1, Id1), Node(2, GaleraNodeState.Unreachable("timeout"))];
        Assert.Empty(EvictionPolicy.ToEvict(slow, Members, new HashSet<string>()));

        GaleraNode[] neverSeen = [Live(0, Id0, size: 4), Live(1, Id1, size: 4), Node(3, null, running: false)];
        Assert.Empty(EvictionPolicy.ToEvict(neverSeen, Members, new HashSet<string>()));

        GaleraNode[] noPrimary = [Node(0, NonPrimary(10)), Node(2, null, running: false)];
        Assert.Empty(EvictionPolicy.ToEvict(noPrimary, Members, new HashSet<string>()));
    }

    [Fact]
    public void ALiveIdIsNeverEvictedAndOnlyAMemberIdGoesIntoTheStatement()
    {
        var reused = new Dictionary<string, string> { ["db-pxc-2"] = Id1 };
        Assert.Empty(EvictionPolicy.ToEvict([Live(0, Id0), Live(1, Id1), Node(2, null, running: false)], reused, new HashSet<string>()));

        Assert.True(EvictionPolicy.IsMemberId(Id1));
        Assert.False(EvictionPolicy.IsMemberId("x'; DROP DATABASE shop; --"));
        var forged = new Dictionary<string, string> { ["db-pxc-2"] = "1', pc.bootstrap=YES" };
        Assert.Empty(EvictionPolicy.ToEvict([Live(0, Id0), Live(1, Id1), Node(2, null, running: false)], forged, new HashSet<string>()));
    }
}
