using BackendStack.Operator.GlusterVolumes.Status;

namespace BackendStack.Tests.GlusterStatus;

/// <summary>Bricks and heal counts come from gluster's XML answers; daemons and bricks that are down do not count.</summary>
public sealed class GlusterStatusXmlTests
{
    private const string StatusDetail = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cliOutput><opRet>0</opRet><opErrno>0</opErrno><opErrstr/><volStatus><volumes><volume>
          <volName>files</volName><nodeCount>4</nodeCount>
          <node><hostname>files-gluster-0.files-gluster</hostname><path>/bricks/brick</path><peerid>a</peerid><status>1</status><port>49152</port><pid>101</pid></node>
          <node><hostname>files-gluster-1.files-gluster</hostname><path>/bricks/brick</path><peerid>b</peerid><status>0</status><port>N/A</port><pid>-1</pid><sizeTotal>1000</sizeTotal><sizeFree>400</sizeFree></node>
          <node><hostname>files-gluster-2.files-gluster</hostname><path>/bricks/brick</path><peerid>c</peerid><status>1</status><port>49153</port><pid>303</pid></node>
          <node><hostname>Self-heal Daemon</hostname><path>localhost</path><peerid>a</peerid><status>1</status><port>N/A</port><pid>104</pid></node>
        </volume></volumes></volStatus></cliOutput>
        """;

    private const string HealSummary = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cliOutput><healInfo><bricks>
          <brick hostUuid="a"><name>files-gluster-0.files-gluster:/bricks/brick</name><status>Connected</status><totalNumberOfEntries>7</totalNumberOfEntries><numberOfEntriesInHealPending>7</numberOfEntriesInHealPending><numberOfEntriesInSplitBrain>0</numberOfEntriesInSplitBrain></brick>
          <brick hostUuid="-"><name>files-gluster-1.files-gluster:/bricks/brick</name><status>Failed to process entries completely. (Transport endpoint is not connected)totalNumberOfEntries0</status></brick>
          <brick hostUuid="c"><name>files-gluster-2.files-gluster:/bricks/brick</name><status>Connected</status><totalNumberOfEntries>5</totalNumberOfEntries><numberOfEntriesInHealPending>5</numberOfEntriesInHealPending><numberOfEntriesInSplitBrain>0</numberOfEntriesInSplitBrain></brick>
        </bricks></healInfo><opRet>0</opRet><opErrno>0</opErrno><opErrstr/></cliOutput>
        """;

    [Fact]
    public void BricksAreListedInOrderWithoutTheSelfHealDaemon()
    {
        var bricks = VolumeStatusXml.Bricks(StatusDetail);

        Assert.Equal(
            [
                new BrickObservation("files-gluster-0.files-gluster", "/bricks/brick", true, 101),
                new BrickObservation("files-gluster-1.files-gluster", "/bricks/brick", false, null, 1000, 400),
                new BrickObservation("files-gluster-2.files-gluster", "/bricks/brick", true, 303),
            ],
            bricks);
    }

    /// <summary>As glusterfs 10.3 answers <c>volume get vol all --xml</c>: performance.cache-size twice, defaults marked.</summary>
    private const string VolumeGet = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cliOutput><opRet>0</opRet><opErrno>0</opErrno><opErrstr/><volGetopts><count>4</count>
          <Opt><Option>cluster.quorum-type</Option><Value>auto</Value></Opt>
          <Opt><Option>performance.cache-size</Option><Value>64MB</Value></Opt>
          <Opt><Option>performance.quick-read-cache-size</Option><Value>128MB (DEFAULT)</Value></Opt>
          <Opt><Option>performance.cache-size</Option><Value>64MB</Value></Opt>
        </volGetopts></cliOutput>
        """;

    [Fact]
    public void OptionsKeepTheFirstOfADuplicateAndDropTheDefaultMark()
    {
        var options = VolumeOptionsXml.Read(VolumeGet);

        Assert.Equal(3, options.Count);
        Assert.Equal("64MB", options["performance.cache-size"]);
        Assert.Equal("128MB", options["performance.quick-read-cache-size"]);
    }

    [Fact]
    public void VolumeInfoTellsStartedFromCreatedAndAMissingVolumeIsNoError()
    {
        const string started = """
            <cliOutput><opRet>0</opRet><opErrno>0</opErrno><opErrstr/><volInfo><volumes><volume><name>files</name><status>1</status><statusStr>Started</statusStr>
            <bricks><brick uuid="a">h0:/bricks/files/brick<name>h0:/bricks/files/brick</name><hostUuid>a</hostUuid><isArbiter>0</isArbiter></brick></bricks>
            </volume><count>1</count></volumes></volInfo></cliOutput>
            """;
        const string missing = "<cliOutput><opRet>-1</opRet><opErrno>30806</opErrno><opErrstr>Volume does not exist</opErrstr><volInfo><volumes><count>0</count></volumes></volInfo></cliOutput>";

        Assert.Equal((true, true, "h0:/bricks/files/brick"), (VolumeInfoXml.Read(started).Exists, VolumeInfoXml.Read(started).Started, VolumeInfoXml.Read(started).Bricks.Single()));
        Assert.Same(VolumeInfo.Missing, VolumeInfoXml.Read(missing));
        Assert.False(VolumeInfoXml.Read(started.Replace("Started", "Created", StringComparison.Ordinal)).Started);
    }

    [Fact]
    public void PoolListLeavesOutTheNodeAskedAndTellsConnectedPeers()
    {
        const string pool = """
            <cliOutput><opRet>0</opRet><opErrno>0</opErrno><opErrstr/><peerStatus>
            <peer><uuid>b</uuid><hostname>files-gluster-1.files-gluster.files.svc.cluster.local</hostname><connected>1</connected></peer>
            <peer><uuid>c</uuid><hostname>files-gluster-2.files-gluster.files.svc.cluster.local</hostname><connected>0</connected></peer>
            <peer><uuid>a</uuid><hostname>localhost</hostname><connected>1</connected></peer>
            </peerStatus></cliOutput>
            """;

        var peers = PoolListXml.Peers(pool);

        Assert.Equal(2, peers.Count);
        Assert.True(peers["files-gluster-1.files-gluster.files.svc.cluster.local"]);
        Assert.False(peers["files-gluster-2.files-gluster.files.svc.cluster.local"]);
    }

    [Fact]
    public void HealPendingSumsTheConnectedBricks()
    {
        Assert.Equal(12, HealSummaryXml.Pending(HealSummary));
    }

    [Fact]
    public void AFailedCommandThrowsWithGlustersErrorText()
    {
        const string failed = "<cliOutput><opRet>-1</opRet><opErrno>30800</opErrno><opErrstr>Volume files does not exist</opErrstr></cliOutput>";

        var e = Assert.Throws<InvalidOperationException>(() => VolumeStatusXml.Bricks(failed));
        Assert.Contains("Volume files does not exist", e.Message);
        Assert.Throws<InvalidOperationException>(() => HealSummaryXml.Pending(failed));
    }
}
