using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;

namespace BackendStack.Emulator.Discovery;

/// <summary>Aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList) for /api and /apis.</summary>
internal static class AggregatedDiscovery
{
    public static JsonObject Build(ResourceRegistry registry, bool core)
    {
        var items = new JsonArray();
        foreach (var (group, versions) in registry.Groups().Where(g => (g.Group.Length == 0) == core))
        {
            var metadata = new JsonObject();
            if (group.Length > 0) metadata["name"] = group;
            items.Add(new JsonObject
            {
                ["metadata"] = metadata,
                ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Version(registry, group, v))]),
            });
        }
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static JsonObject Version(ResourceRegistry registry, string group, string version) => new()
    {
        ["version"] = version,
        ["resources"] = new JsonArray([.. registry.All.Where(t => t.Group == group && t.Version == version).Select(t => (JsonNode)Resource(t))]),
        ["freshness"] = "Current",
    };

    private static JsonObject Resource(ResourceType t)
    {
        var r = new JsonObject
        {
            ["resource"] = t.Plural,
            ["responseKind"] = Kind(t.Group, t.Version, t.Kind),
            ["scope"] = t.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = t.Singular,
            ["verbs"] = new JsonArray([.. ResourceType.AllVerbs.Select(v => (JsonNode)v)]),
        };
        if (t.ShortNames.Count > 0) r["shortNames"] = new JsonArray([.. t.ShortNames.Select(s => (JsonNode)s)]);
        if (t.Categories.Count > 0) r["categories"] = new JsonArray([.. t.Categories.Select(s => (JsonNode)s)]);
        var subs = DiscoveryDocuments.Subresources(t).Select(s => (JsonNode)new JsonObject
        {
            ["subresource"] = s.Name,
            ["responseKind"] = Kind(s.Group, s.Version, s.Kind),
            ["verbs"] = new JsonArray("get", "patch", "update"),
        }).ToList();
        if (subs.Count > 0) r["subresources"] = new JsonArray([.. subs]);
        return r;
    }

    private static JsonObject Kind(string group, string version, string kind) =>
        new() { ["group"] = group, ["version"] = version, ["kind"] = kind };
}
