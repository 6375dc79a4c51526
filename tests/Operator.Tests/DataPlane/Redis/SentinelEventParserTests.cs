using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Tests.DataPlane.Redis;

public sealed class SentinelEventParserTests
{
    private static readonly RedisEndpoint Sentinel = new("10.0.1.1", 26379);
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void SwitchMasterCarriesOldAndNewMaster()
    {
        var e = SentinelEventParser.Parse("+switch-master", "mymaster 10.0.0.1 6379 10.0.0.3 6379", Sentinel, At);

        Assert.Equal(new SentinelEvent(SentinelEventKind.SwitchMaster, Sentinel, "mymaster", "master", new("10.0.0.3", 6379), new("10.0.0.1", 6379), At), e);
    }

    [Fact]
    public void ObjectivelyDownMasterWithQuorumSuffix()
    {
        var e = SentinelEventParser.Parse("+odown", "master mymaster 10.0.0.1 6379 #quorum 2/2", Sentinel, At);

        Assert.Equal(new SentinelEvent(SentinelEventKind.ObjectivelyDown, Sentinel, "mymaster", "master", new("10.0.0.1", 6379), null, At), e);
    }

    [Fact]
    public void SubjectivelyDownReplicaNamesItsMaster()
    {
        var e = SentinelEventParser.Parse("+sdown", "slave 10.0.0.2:6379 10.0.0.2 6379 @ mymaster 10.0.0.1 6379", Sentinel, At)!;

        Assert.Equal(SentinelEventKind.SubjectivelyDown, e.Kind);
        Assert.Equal("slave", e.InstanceType);
        Assert.Equal("mymaster", e.MasterName);
        Assert.Equal(new RedisEndpoint("10.0.0.2", 6379), e.Instance);
    }

    [Fact]
    public void ReplicaReportingMasterRoleIsARoleMismatch()
    {
        var e = SentinelEventParser.Parse("-role-change", "slave 10.0.0.2:6379 10.0.0.2 6379 @ mymaster 10.0.0.1 6379 new reported role is master", Sentinel, At);

        Assert.Equal(new SentinelEvent(SentinelEventKind.RoleMismatch, Sentinel, "mymaster", "slave", new("10.0.0.2", 6379), null, At), e);
    }

    [Fact]
    public void SentinelConvertingASecondMasterNamesIt()
    {
        var e = SentinelEventParser.Parse("+convert-to-slave", "slave 10.0.0.2:6379 10.0.0.2 6379 @ mymaster 10.0.0.1 6379", Sentinel, At);

        Assert.Equal(new SentinelEvent(SentinelEventKind.ConvertedToReplica, Sentinel, "mymaster", "slave", new("10.0.0.2", 6379), null, At), e);
    }

    [Theory]
    [InlineData("+role-change", "slave 10.0.0.2:6379 10.0.0.2 6379 @ mymaster 10.0.0.1 6379 new reported role is slave")]
    [InlineData("+switch-master", "mymaster 10.0.0.1 notaport 10.0.0.3 6379")]
    [InlineData("+switch-master", "mymaster 10.0.0.1")]
    [InlineData("+sdown", "master mymaster")]
    [InlineData("+tilt", "#tilt mode entered")]
    public void MalformedOrUnfollowedMessagesAreIgnored(string channel, string payload) =>
        Assert.Null(SentinelEventParser.Parse(channel, payload, Sentinel, At));
}
