using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BackendStack.Operator.Crds;

/// <summary>
/// The XML documentation files beside the assemblies of the API types: their summaries become
/// the descriptions of the CRD schemas.
/// </summary>
internal sealed partial class XmlDocComments
{
    private readonly Dictionary<string, string> summaries = new(StringComparer.Ordinal);
    private readonly HashSet<Assembly> loaded = [];

    public string? ForProperty(PropertyInfo property) =>
        Find(property.DeclaringType!.Assembly, "P:" + MemberName(property.DeclaringType) + "." + property.Name);

    public string? ForType(Type type) => Find(type.Assembly, "T:" + MemberName(type));

    private string? Find(Assembly assembly, string member)
    {
        Load(assembly);
        return summaries.GetValueOrDefault(member);
    }

    private void Load(Assembly assembly)
    {
        if (!loaded.Add(assembly))
        {
            return;
        }

        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            return;
        }

        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            var summary = member.Element("summary");
            if (summary is not null && member.Attribute("name")?.Value is { } name)
            {
                summaries[name] = PlainText(summary);
            }
        }
    }

    // Documentation names a generic type by its definition, for example CustomResource`2.
    private static string MemberName(Type type) =>
        (type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : type).FullName!.Replace('+', '.');

    // <c>x</c> and <see cref="T:A.B"/> read as "x" and "B"; line breaks of the source are not meaningful.
    private static string PlainText(XElement summary)
    {
        var parts = summary.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" } see => see.Attribute("cref")?.Value.Split('.')[^1] ?? see.Value,
            XElement element => element.Value,
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
