using System.Globalization;
using System.Xml.Linq;

namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>Reads the bricks out of <c>gluster volume status &lt;vol&gt; detail --xml</c>.</summary>
public static class VolumeStatusXml
{
    /// <summary>
    /// The bricks in the order gluster lists them. Daemon entries (self-heal daemon, NFS; <c>volume status</c> without
    /// <c>detail</c> lists them), whose path is not a directory, are left out. An offline brick reports pid -1 and port
    /// N/A but still its sizes. A non-zero <c>opRet</c> throws with gluster's own error text.
    /// </summary>
    public static IReadOnlyList<BrickObservation> Bricks(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("gluster volume status: empty output");
        GlusterXml.ThrowOnError(root, "gluster volume status");
        return root.Descendants("node")
            .Select(Brick)
            .Where(b => b.Path.StartsWith('/'))
            .ToList();
    }

    private static BrickObservation Brick(XElement node)
    {
        var online = (string?)node.Element("status") == "1";
        var pid = int.TryParse((string?)node.Element("pid"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : (int?)null;
        return new BrickObservation(
            (string?)node.Element("hostname") ?? "",
            (string?)node.Element("path") ?? "",
            online,
            online ? pid : null,
            Bytes(node, "sizeTotal"),
            Bytes(node, "sizeFree"));
    }

    private static long? Bytes(XElement node, string name) =>
        long.TryParse((string?)node.Element(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
