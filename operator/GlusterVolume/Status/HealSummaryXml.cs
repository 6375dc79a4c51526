using System.Globalization;
using System.Xml.Linq;

namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>Reads <c>gluster volume heal &lt;vol&gt; info summary --xml</c>.</summary>
public static class HealSummaryXml
{
    /// <summary>
    /// Entries waiting to be healed, summed over the bricks that answered (an entry pending on two bricks counts
    /// twice, as gluster's own summary lists it). A brick that is not connected has no <c>totalNumberOfEntries</c>
    /// element (glusterfs 10 writes "Failed to process entries completely. (Transport endpoint is not
    /// connected)totalNumberOfEntries0" into its <c>status</c>) and counts as nothing: its pending entries are held by the others.
    /// </summary>
    public static long Pending(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("gluster volume heal info: empty output");
        GlusterXml.ThrowOnError(root, "gluster volume heal info summary");
        return root.Descendants("brick").Sum(b => Count(b, "totalNumberOfEntries"));
    }

    private static long Count(XElement brick, string name) =>
        long.TryParse((string?)brick.Element(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
