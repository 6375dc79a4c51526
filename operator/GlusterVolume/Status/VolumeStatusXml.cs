using System.Globalization;
using System.Xml.Linq;

namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>Reads the bricks out of <c>gluster volume status &lt;vol&gt; detail --xml</c>.</summary>
public static class VolumeStatusXml
{
    /// <summary>
    /// The bricks in the order gluster lists them. Daemon entries (self-heal daemon, NFS), whose path is
    /// not a directory, are left out. A non-zero <c>opRet</c> throws with gluster's own error text.
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
            online ? pid : null);
    }
}
