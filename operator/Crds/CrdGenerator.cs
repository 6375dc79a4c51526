using BackendStack.Operator.Api;
using k8s.Models;
using System.Reflection;

namespace BackendStack.Operator.Crds;

/// <summary>
/// Writes the CustomResourceDefinition of every kind as <c>&lt;group&gt;_&lt;plural&gt;.yaml</c>;
/// the files in <c>crds/</c> are this output, never edited by hand.
/// </summary>
public static class CrdGenerator
{
    /// <summary>The CRD files of every kind, by file name, in the order of <see cref="ApiKinds.All"/>.</summary>
    public static IReadOnlyList<(string FileName, string Yaml)> Generate()
    {
        var builder = new CustomResourceDefinitionBuilder(new XmlDocComments());
        return [.. ApiKinds.All.Select(kind => (FileName(kind), YamlDocument.Write(builder.Build(kind))))];
    }

    /// <summary>Writes every CRD file into <paramref name="directory"/> (created when missing) and returns their paths.</summary>
    public static IReadOnlyList<string> WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        return [.. Generate().Select(file =>
        {
            var path = Path.Combine(directory, file.FileName);
            File.WriteAllText(path, file.Yaml);
            return path;
        })];
    }

    private static string FileName(Type kind)
    {
        var entity = kind.GetCustomAttribute<KubernetesEntityAttribute>()!;
        return $"{entity.Group}_{entity.PluralName}.yaml";
    }
}
