using System.Xml.Linq;

namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>Reads <c>gluster volume info &lt;vol&gt; --xml</c>.</summary>
public static class VolumeInfoXml
{
    /// <summary>
    /// The volume, or <see cref="VolumeInfo.Missing"/> when glusterd answers "Volume does not exist" (opRet -1 with an
    /// empty volume list); any other failure throws with gluster's error text. A brick element holds its
    /// <c>host:path</c> both as text and in <c>name</c>; <c>name</c> is read.
    /// </summary>
    public static VolumeInfo Read(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("gluster volume info: empty output");
        if ((string?)root.Element("opRet") != "0" && (string?)root.Element("opErrstr") is { } error && error.Contains("does not exist", StringComparison.Ordinal))
        {
            return VolumeInfo.Missing;
        }

        GlusterXml.ThrowOnError(root, "gluster volume info");
        var volume = root.Descendants("volume").FirstOrDefault();
        if (volume is null)
        {
            return VolumeInfo.Missing;
        }

        var bricks = volume.Element("bricks")?.Elements("brick").Select(b => (string?)b.Element("name") ?? b.Value).ToList() ?? [];
        return new VolumeInfo(true, (string?)volume.Element("statusStr") == "Started", bricks);
    }
}
