using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Tests.DataPlane.Redis;

public sealed class ReplicationInfoParserTests
{
    [Fact]
    public void MasterListsItsReplicasWithStateAndOffset()
    {
        var info = ReplicationInfoParser.Parse(
            "# Replication\r\nrole:master\r\nconnected_slaves:2\r\n"
            + "slave0:ip=10.0.0.2,port=6379,state=online,offset=1234,lag=0\r\n"
            + "slave1:ip=10.0.0.3,port=6380,state=wait_bgsave,offset=0,lag=1\r\n"
            + "master_failover_state:no-failover\r\nmaster_replid:abc\r\nmaster_repl_offset:1300\r\n");

        Assert.Equal(RedisRole.Master, info.Role);
        Assert.Equal(2, info.ConnectedReplicas);
        Assert.Equal(1300, info.MasterReplOffset);
        Assert.Null(info.Master);
        Assert.Equal(
            [new ConnectedReplica(new("10.0.0.2", 6379), "online", 1234), new ConnectedReplica(new("10.0.0.3", 6380), "wait_bgsave", 0)],
            info.Replicas);
    }

    [Theory]
    [InlineData("up", true)]
    [InlineData("down", false)]
    public void ReplicaReportsItsMasterAndLink(string link, bool up)
    {
        var info = ReplicationInfoParser.Parse(
            $"# Replication\nrole:slave\nmaster_host:10.0.0.1\nmaster_port:6379\nmaster_link_status:{link}\nslave_repl_offset:99\nmaster_repl_offset:99\nconnected_slaves:0\n");

        Assert.Equal(RedisRole.Replica, info.Role);
        Assert.Equal(new RedisEndpoint("10.0.0.1", 6379), info.Master);
        Assert.Equal(up, info.MasterLinkUp);
        Assert.Equal(99, info.MasterReplOffset);
        Assert.Empty(info.Replicas);
    }

    [Fact]
    public void EmptyTextIsAnUnknownRole()
    {
        var info = ReplicationInfoParser.Parse("");
        Assert.Equal(RedisRole.Unknown, info.Role);
        Assert.Equal(0, info.MasterReplOffset);
    }
}
