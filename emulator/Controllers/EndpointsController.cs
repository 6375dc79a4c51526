using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// A Service's Endpoints (same name) follow the Pods its selector matches: ready ones as addresses. Pods and
/// Services are found through label indexes kept from the change feed (<paramref name="podLabels"/> by Pod label,
/// <paramref name="serviceSelectors"/> by selector pair), so one change costs the objects it concerns, not the namespace.
/// </summary>
internal sealed class EndpointsController(ClusterState cluster, LabelIndex podLabels, LabelIndex serviceSelectors)
{
    /// <summary>What a Pod's labels are to the Pod index.</summary>
    public static IReadOnlyDictionary<string, string> Labels(JsonObject pod) => Json.StringMap(Json.At(pod, "metadata.labels"));

    /// <summary>A Service's spec.selector; empty for a Service without one, whose endpoints are managed by hand.</summary>
    public static IReadOnlyDictionary<string, string> Selector(JsonObject service) => Json.StringMap(Json.At(service, "spec.selector"));

    /// <summary>
    /// Reconciles the Services of a Pod's namespace whose selector matches the Pod's labels before or after the
    /// change (kube-controller-manager's getPodServiceMemberships): only their endpoints can have changed.
    /// </summary>
    public void PodChanged(StoreEvent e)
    {
        var ns = e.Object?.Namespace ?? e.Previous?.Namespace ?? "";
        var selecting = new[] { e.Previous?.View, e.Object?.View }.OfType<JsonObject>()
            .SelectMany(p => serviceSelectors.Within(ns, Labels(p))).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var name in selecting) Reconcile(ns, name);
    }

    public void Reconcile(string ns, string name)
    {
        var service = cluster.Get("services", ns, name);
        if (service is null || Selector(service) is not { Count: > 0 } selector) return;
        var pods = podLabels.WithAll(ns, selector).Order(StringComparer.Ordinal)
            .Select(pod => cluster.Get("pods", ns, pod)).OfType<JsonObject>()
            .Where(p => LabelIndex.Carries(Labels(p), selector) && Json.Str(p, "status.podIP") is not null && !ClusterState.IsDeleting(p)).ToList();
        var ready = pods.Where(ClusterState.IsReady).ToList();
        var notReady = pods.Where(p => !ClusterState.IsReady(p)).ToList();
        var subset = new JsonObject();
        if (ready.Count > 0) subset["addresses"] = new JsonArray([.. ready.Select(Address)]);
        if (notReady.Count > 0) subset["notReadyAddresses"] = new JsonArray([.. notReady.Select(Address)]);
        subset["ports"] = new JsonArray([.. (Json.At(service, "spec.ports") as JsonArray ?? []).OfType<JsonObject>().Select(p => (JsonNode)Port(p, pods))]);
        var subsets = pods.Count == 0 ? new JsonArray() : new JsonArray(subset);

        WriteSlice(service, ns, name, ready, notReady, subset["ports"]!.AsArray());
        var existing = cluster.Get("endpoints", ns, name);
        if (existing is null)
        {
            var meta = new JsonObject { ["name"] = name };
            if (Json.At(service, "metadata.labels") is JsonObject labels) meta["labels"] = labels.DeepClone();
            cluster.Create("endpoints", ns, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Endpoints", ["metadata"] = meta, ["subsets"] = subsets });
            return;
        }
        existing["subsets"] = subsets;
        cluster.Write("endpoints", existing);
    }

    /// <summary>The discovery.k8s.io EndpointSlice that `kubectl describe service` reads, one per Service.</summary>
    private void WriteSlice(JsonObject service, string ns, string name, List<JsonObject> ready, List<JsonObject> notReady, JsonArray ports)
    {
        var endpoints = new JsonArray([.. ready.Select(p => Endpoint(p, true)).Concat(notReady.Select(p => Endpoint(p, false)))]);
        var sliceName = $"{name}-emulated";
        var existing = cluster.Get("endpointslices.discovery.k8s.io", ns, sliceName);
        if (existing is null)
        {
            cluster.Create("endpointslices.discovery.k8s.io", ns, new JsonObject
            {
                ["apiVersion"] = "discovery.k8s.io/v1",
                ["kind"] = "EndpointSlice",
                ["metadata"] = new JsonObject
                {
                    ["name"] = sliceName,
                    ["labels"] = new JsonObject
                    {
                        ["kubernetes.io/service-name"] = name,
                        ["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io",
                    },
                    ["ownerReferences"] = new JsonArray(ClusterState.OwnerReference(service)),
                },
                ["addressType"] = "IPv4",
                ["endpoints"] = endpoints,
                ["ports"] = ports.DeepClone(),
            });
            return;
        }
        existing["endpoints"] = endpoints;
        existing["ports"] = ports.DeepClone();
        cluster.Write("endpointslices.discovery.k8s.io", existing);
    }

    private static JsonObject Endpoint(JsonObject pod, bool ready) => new()
    {
        ["addresses"] = new JsonArray(Json.Str(pod, "status.podIP")),
        ["conditions"] = new JsonObject { ["ready"] = ready, ["serving"] = ready, ["terminating"] = false },
        ["nodeName"] = Json.Str(pod, "spec.nodeName"),
        ["targetRef"] = Address(pod)["targetRef"]!.DeepClone(),
    };

    private static JsonObject Address(JsonObject pod) => new()
    {
        ["ip"] = Json.Str(pod, "status.podIP"),
        ["nodeName"] = Json.Str(pod, "spec.nodeName"),
        ["targetRef"] = new JsonObject
        {
            ["kind"] = "Pod",
            ["namespace"] = Json.Str(pod, "metadata.namespace"),
            ["name"] = Json.Str(pod, "metadata.name"),
            ["uid"] = Json.Str(pod, "metadata.uid"),
        },
    };

    /// <summary>The endpoint port: a numeric targetPort, or a named one resolved in the Pods' containers.</summary>
    private static JsonObject Port(JsonObject servicePort, IReadOnlyList<JsonObject> pods)
    {
        var target = servicePort["targetPort"] ?? servicePort["port"];
        var number = target is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? pods.SelectMany(p => (Json.At(p, "spec.containers") as JsonArray ?? []).OfType<JsonObject>())
                .SelectMany(c => (c["ports"] as JsonArray ?? []).OfType<JsonObject>())
                .Where(p => Json.Str(p, "name") == v.GetValue<string>()).Select(p => Json.Long(p, "containerPort")).FirstOrDefault()
            : Json.Long(servicePort, "targetPort") ?? Json.Long(servicePort, "port");
        var port = new JsonObject { ["port"] = number ?? 0, ["protocol"] = Json.Str(servicePort, "protocol") ?? "TCP" };
        if (Json.Str(servicePort, "name") is { } name) port["name"] = name;
        return port;
    }
}
