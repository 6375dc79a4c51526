using System.Xml.Linq;

namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>Reads <c>gluster pool list --xml</c>.</summary>
public static class PoolListXml
{
    /// <summary>
    /// The pool's other peers by host name, each with whether it is connected. The node asked lists itself as
    /// <c>localhost</c>, which is left out; a peer known only by address shows that address.
    /// </summary>
    public static IReadOnlyDictionary<string, bool> Peers(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("gluster pool list: empty output");
        GlusterXml.ThrowOnError(root, "gluster pool list");
        var peers = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var peer in root.Descendants("peer"))
        {
            var host = (string?)peer.Element("hostname") ?? "";
            if (host.Length > 0 && host != "localhost")
            {
                peers[host] = (string?)peer.Element("connected") == "1";
            }
        }

        return peers;
    }
}
