using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;

namespace BackendStack.Emulator.Discovery;

/// <summary>/version and the legacy discovery documents (/api, /apis, /apis/G, /api/v1, /apis/G/V).</summary>
internal static class DiscoveryDocuments
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.3",
        ["gitCommit"] = "32cc146f75aad04beaaa245a7157eb35063a9f99",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-03-11T19:52:21Z",
        ["goVersion"] = "go1.23.6",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. registry.Groups().Where(g => g.Group.Length > 0).Select(g => (JsonNode)Group(g.Group, g.Versions))]),
    };

    public static JsonObject? Group(ResourceRegistry registry, string group) =>
        registry.Groups().FirstOrDefault(g => g.Group == group) is { Group: { Length: > 0 } } found
            ? Group(found.Group, found.Versions).Also(o => { o["kind"] = "APIGroup"; o["apiVersion"] = "v1"; })
            : null;

    public static JsonObject? ResourceList(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0) return null;
        var resources = new JsonArray();
        foreach (var t in types)
        {
            var r = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = new JsonArray([.. ResourceType.AllVerbs.Select(v => (JsonNode)v)]),
            };
            if (t.ShortNames.Count > 0) r["shortNames"] = new JsonArray([.. t.ShortNames.Select(s => (JsonNode)s)]);
            if (t.Categories.Count > 0) r["categories"] = new JsonArray([.. t.Categories.Select(s => (JsonNode)s)]);
            resources.Add(r);
            foreach (var (sub, kind, g, v) in Subresources(t))
                resources.Add(new JsonObject
                {
                    ["name"] = $"{t.Plural}/{sub}", ["singularName"] = "", ["namespaced"] = t.Namespaced,
                    ["group"] = g, ["version"] = v, ["kind"] = kind, ["verbs"] = new JsonArray("get", "patch", "update"),
                });
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].ApiVersion,
            ["resources"] = resources,
        };
    }

    /// <summary>The subresources of a type: (name, kind, group, version of the kind).</summary>
    public static IEnumerable<(string Name, string Kind, string Group, string Version)> Subresources(ResourceType t)
    {
        if (t.HasStatus) yield return ("status", t.Kind, t.Group, t.Version);
        if (t.HasScale) yield return ("scale", "Scale", "autoscaling", "v1");
    }

    private static JsonObject Group(string name, IReadOnlyList<string> versions) => new()
    {
        ["name"] = name,
        ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{name}/{v}", ["version"] = v })]),
        ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{name}/{versions[0]}", ["version"] = versions[0] },
    };

    private static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
