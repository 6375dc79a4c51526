using BackendStack.Operator.PerconaClusters.Policy;
using static BackendStack.Tests.PerconaClusterPolicy.PerconaClusterFixtures;

namespace BackendStack.Tests.PerconaClusterPolicy;

public sealed class ScaleAndRollPolicyTests
{
    private static readonly HashSet<string> NoWriters = [];

    [Fact]
    public void ANewClusterStartsWithOneNode() => Assert.Equal(1, ScalePolicy.Decide(null, 3, []).Replicas);

    [Fact]
    public void TheNextNodeComesOnlyOnceEveryNodeIsSyncedInTheCurrentSize()
    {
        Assert.Equal(2, ScalePolicy.Decide(2, 3, [Node(0, Synced(2)), Node(1, Synced(1) with { StateComment = "Joined" })]).Replicas);
        var step = ScalePolicy.Decide(2, 3, [Node(0, Synced(2)), Node(1, Synced(2))]);
        Assert.Equal(3, step.Replicas);
        Assert.Contains("adding node 2", step.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void ScaleDownRemovesOneNodeAndWaitsForTheOthersToSeeTheSmallerCluster()
    {
        Assert.Equal(4, ScalePolicy.Decide(5, 3, [.. Enumerable.Range(0, 5).Select(i => Node(i, Synced(5)))]).Replicas);
        var waiting = ScalePolicy.Decide(4, 3, [.. Enumerable.Range(0, 4).Select(i => Node(i, Synced(5)))]);
        Assert.Equal(4, waiting.Replicas);
        Assert.Contains("Synced in a cluster of 4", waiting.Waiting, StringComparison.Ordinal);
    }

    [Fact]
    public void PauseStepsDownToZeroAndResumeStartsFromOrdinalZero()
    {
        Assert.Equal(0, ScalePolicy.Decide(1, 0, [Node(0, Synced(1))]).Replicas);
        Assert.Equal(1, ScalePolicy.Decide(0, 3, []).Replicas);
    }

    [Fact]
    public void RollDeletesTheHighestOutdatedNodeOnlyWhenAllAreSynced()
    {
        var nodes = new[] { Node(0, Synced(3), revision: "old"), Node(1, Synced(3), revision: "old"), Node(2, Synced(3), revision: "new") };
        Assert.Equal("db-pxc-1", RollPolicy.NextToRoll("new", 3, nodes, NoWriters)?.Pod);
        Assert.True(RollPolicy.Pending("new", nodes));
        var joining = new[] { Node(0, Synced(3), revision: "old"), Node(1, Synced(3) with { StateComment = "Joiner" }, revision: "new"), Node(2, Synced(3), revision: "new") };
        Assert.Null(RollPolicy.NextToRoll("new", 3, joining, NoWriters));
        Assert.False(RollPolicy.Pending("new", [Node(0, Synced(1), revision: "new")]));
    }

    [Fact]
    public void TheNodeAProxySqlWritesToRollsLast()
    {
        var nodes = new[] { Node(0, Synced(3), revision: "old"), Node(1, Synced(3), revision: "old"), Node(2, Synced(3), revision: "old") };
        Assert.Equal("db-pxc-1", RollPolicy.NextToRoll("new", 3, nodes, new HashSet<string> { "db-pxc-2" })?.Pod);
        Assert.Equal("db-pxc-2", RollPolicy.NextToRoll("new", 3, [nodes[2], Node(0, Synced(3), revision: "new"), Node(1, Synced(3), revision: "new")], new HashSet<string> { "db-pxc-2" })?.Pod);
    }

    [Fact]
    public void TheWriterMovesAwayBeforeItsNodeRestartsButAProxySqlThatDoesNotMoveItHoldsTheRollOnlySoLong()
    {
        var now = DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        HashSet<string> writers = ["db-pxc-2"];
        Assert.Equal(WriterHandOff.Restart, WriterHandOffPolicy.Decide("db-pxc-1", writers, null, now));
        Assert.Equal(WriterHandOff.MarkLeaving, WriterHandOffPolicy.Decide("db-pxc-2", writers, null, now));
        Assert.Equal(WriterHandOff.Wait, WriterHandOffPolicy.Decide("db-pxc-2", writers, now.AddSeconds(-3), now));
        Assert.Equal(WriterHandOff.Restart, WriterHandOffPolicy.Decide("db-pxc-2", new HashSet<string> { "db-pxc-0" }, now.AddSeconds(-3), now));
        Assert.Equal(WriterHandOff.Wait, WriterHandOffPolicy.Decide("db-pxc-2", new HashSet<string> { "db-pxc-0" }, now.AddSeconds(-1), now));
        Assert.Equal(WriterHandOff.Restart, WriterHandOffPolicy.Decide("db-pxc-2", writers, now - WriterHandOffPolicy.Patience, now));
    }
}
