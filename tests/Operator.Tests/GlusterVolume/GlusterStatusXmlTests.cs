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
          <node><hostname>files-gluster-1.files-gluster</hostname><path>/bricks/brick</path><peerid>b</peerid><status>0</status><port>N/A</port><pid>-1</pid></node>
          <node><hostname>files-gluster-2.files-gluster</hostname><path>/bricks/brick</path><peerid>c</peerid><status>1</status><port>49153</port><pid>303</pid></node>
          <node><hostname>Self-heal Daemon</hostname><path>localhost</path><peerid>a</peerid><status>1</status><port>N/A</port><pid>104</pid></node>
        </volume></volumes></volStatus></cliOutput>
        """;

    private const string HealSummary = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cliOutput><healInfo><bricks>
          <brick hostUuid="a"><name>files-gluster-0.files-gluster:/bricks/brick</name><status>Connected</status><totalNumberOfEntries>7</totalNumberOfEntries><numberOfEntriesInHealPending>7</numberOfEntriesInHealPending><numberOfEntriesInSplitBrain>0</numberOfEntriesInSplitBrain></brick>
          <brick hostUuid="b"><name>files-gluster-1.files-gluster:/bricks/brick</name><status>Transport endpoint is not connected</status><totalNumberOfEntries>-</totalNumberOfEntries></brick>
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
                new BrickObservation("files-gluster-1.files-gluster", "/bricks/brick", false, null),
                new BrickObservation("files-gluster-2.files-gluster", "/bricks/brick", true, 303),
            ],
            bricks);
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
