using System.Text.Json.Nodes;

namespace BackendStack.Tests.Manifests;

/// <summary>The openAPIV3Schema of every CustomResourceDefinition in a directory, by group and kind.</summary>
internal sealed class CrdCatalog
{
    private readonly Dictionary<(string Group, string Kind), JsonObject> schemas = [];

    public CrdCatalog(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            foreach (var crd in YamlJson.ParseAll(File.ReadAllText(file)).Where(d => (string?)d["kind"] == "CustomResourceDefinition"))
            {
                var spec = crd["spec"]!;
                var version = spec["versions"]!.AsArray().Single(v => (bool)v!["storage"]!)!;
                schemas[((string)spec["group"]!, (string)spec["names"]!["kind"]!)] = version["schema"]!["openAPIV3Schema"]!.AsObject();
            }
        }
    }

    public int Count => schemas.Count;

    public JsonObject? Find(string group, string kind) => schemas.GetValueOrDefault((group, kind));
}
