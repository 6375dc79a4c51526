using System.Xml.Linq;

namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>Reads <c>gluster volume get &lt;vol&gt; all --xml</c>: every option with its value in force.</summary>
public static class VolumeOptionsXml
{
    private const string DefaultSuffix = " (DEFAULT)";

    /// <summary>
    /// Option name to value, with gluster's " (DEFAULT)" suffix removed. glusterfs 10 lists some options twice
    /// (<c>performance.cache-size</c> for io-cache and for quick-read, with the same value); the first one is kept.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("gluster volume get: empty output");
        GlusterXml.ThrowOnError(root, "gluster volume get");
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var opt in root.Descendants("Opt"))
        {
            var name = (string?)opt.Element("Option");
            var value = (string?)opt.Element("Value") ?? "";
            if (name is { Length: > 0 })
            {
                options.TryAdd(name, value.EndsWith(DefaultSuffix, StringComparison.Ordinal) ? value[..^DefaultSuffix.Length] : value);
            }
        }

        return options;
    }
}
