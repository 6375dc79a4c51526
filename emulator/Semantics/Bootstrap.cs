using System.Text.Json.Nodes;

namespace BackendStack.Emulator.Semantics;

/// <summary>What a fresh cluster already has: the system namespaces.</summary>
internal static class Bootstrap
{
    public static void CreateSystemNamespaces(ResourceService service)
    {
        var namespaces = service.Registry.Get("", "v1", "namespaces");
        foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
            service.Create(namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } }, WriteOptions.Default);
    }
}
