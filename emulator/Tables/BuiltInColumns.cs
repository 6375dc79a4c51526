using System.Globalization;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Tables;

/// <summary>The server-side columns kube-apiserver prints for the built-in kinds (after NAME; AGE last unless placed).</summary>
internal static class BuiltInColumns
{
    public static IReadOnlyList<TableColumn> For(string groupResource) => groupResource switch
    {
        "pods" =>
        [
            TableColumn.Computed("Ready", o => $"{Count(o, "status.containerStatuses", c => c["ready"]?.GetValue<bool>() == true)}/{Count(o, "spec.containers")}"),
            TableColumn.Computed("Status", o => Json.Str(o, "metadata.deletionTimestamp") is not null ? "Terminating" : Json.Str(o, "status.phase")),
            TableColumn.Computed("Restarts", o => Sum(o, "status.containerStatuses", "restartCount")),
            TableColumn.Age(),
            TableColumn.Computed("IP", o => Json.Str(o, "status.podIP") ?? "<none>", 1),
            TableColumn.Computed("Node", o => Json.Str(o, "spec.nodeName") ?? "<none>", 1),
        ],
        "deployments.apps" =>
        [
            TableColumn.Computed("Ready", o => $"{Json.Long(o, "status.readyReplicas") ?? 0}/{Json.Long(o, "spec.replicas") ?? 0}"),
            TableColumn.Computed("Up-to-date", o => Json.Long(o, "status.updatedReplicas") ?? 0),
            TableColumn.Computed("Available", o => Json.Long(o, "status.availableReplicas") ?? 0),
        ],
        "statefulsets.apps" => [TableColumn.Computed("Ready", o => $"{Json.Long(o, "status.readyReplicas") ?? 0}/{Json.Long(o, "spec.replicas") ?? 0}")],
        "replicasets.apps" =>
        [
            TableColumn.Computed("Desired", o => Json.Long(o, "spec.replicas") ?? 0),
            TableColumn.Computed("Current", o => Json.Long(o, "status.replicas") ?? 0),
            TableColumn.Computed("Ready", o => Json.Long(o, "status.readyReplicas") ?? 0),
        ],
        "services" =>
        [
            TableColumn.Computed("Type", o => Json.Str(o, "spec.type")),
            TableColumn.Computed("Cluster-IP", o => Json.Str(o, "spec.clusterIP") ?? "<none>"),
            TableColumn.Computed("External-IP", _ => "<none>"),
            TableColumn.Computed("Port(s)", Ports),
            TableColumn.Age(),
            TableColumn.Computed("Selector", o => Map(o, "spec.selector"), 1),
        ],
        "configmaps" => [TableColumn.Computed("Data", o => (long)((Json.At(o, "data") as JsonObject)?.Count ?? 0) + ((Json.At(o, "binaryData") as JsonObject)?.Count ?? 0))],
        "secrets" =>
        [
            TableColumn.Computed("Type", o => Json.Str(o, "type")),
            TableColumn.Computed("Data", o => (long)((Json.At(o, "data") as JsonObject)?.Count ?? 0)),
        ],
        "jobs.batch" =>
        [
            TableColumn.Computed("Status", o => (Json.Long(o, "status.succeeded") ?? 0) >= (Json.Long(o, "spec.completions") ?? 1) ? "Complete" : "Running"),
            TableColumn.Computed("Completions", o => $"{Json.Long(o, "status.succeeded") ?? 0}/{Json.Long(o, "spec.completions") ?? 1}"),
        ],
        "cronjobs.batch" =>
        [
            TableColumn.Computed("Schedule", o => Json.Str(o, "spec.schedule")),
            TableColumn.Computed("Suspend", o => Json.At(o, "spec.suspend")?.ToJsonString() ?? "False"),
            TableColumn.Computed("Active", o => (long)((Json.At(o, "status.active") as JsonArray)?.Count ?? 0)),
        ],
        "namespaces" => [TableColumn.Computed("Status", o => Json.Str(o, "status.phase"))],
        "persistentvolumeclaims" =>
        [
            TableColumn.Computed("Status", o => Json.Str(o, "status.phase")),
            TableColumn.Computed("Volume", o => Json.Str(o, "spec.volumeName") ?? ""),
            TableColumn.Computed("Capacity", o => Json.Str(o, "status.capacity.storage") ?? ""),
        ],
        "leases.coordination.k8s.io" => [TableColumn.Computed("Holder", o => Json.Str(o, "spec.holderIdentity") ?? "")],
        "poddisruptionbudgets.policy" =>
        [
            TableColumn.Computed("Min Available", o => Json.Str(o, "spec.minAvailable") ?? "N/A"),
            TableColumn.Computed("Max Unavailable", o => Json.Str(o, "spec.maxUnavailable") ?? "N/A"),
            TableColumn.Computed("Allowed Disruptions", o => Json.Long(o, "status.disruptionsAllowed") ?? 0),
        ],
        "endpoints" => [TableColumn.Computed("Endpoints", Endpoints)],
        "endpointslices.discovery.k8s.io" =>
        [
            TableColumn.Computed("AddressType", o => Json.Str(o, "addressType")),
            TableColumn.Computed("Ports", o => string.Join(",", (Json.At(o, "ports") as JsonArray ?? []).Select(p => Json.Long(p, "port")))),
            TableColumn.Computed("Endpoints", o => string.Join(",", (Json.At(o, "endpoints") as JsonArray ?? []).Select(e => Json.Str(e?["addresses"]?[0], "")))),
        ],
        _ => [],
    };

    /// <summary>`kubectl get events` columns: they replace NAME and AGE rather than sit between them.</summary>
    public static IReadOnlyList<TableColumn> Events() =>
    [
        Since("Last Seen", o => Json.Str(o, "series.lastObservedTime") ?? Json.Str(o, "lastTimestamp") ?? Json.Str(o, "eventTime")),
        TableColumn.Computed("Type", o => Json.Str(o, "type")),
        TableColumn.Computed("Reason", o => Json.Str(o, "reason")),
        TableColumn.Computed("Object", o => $"{Json.Str(o, "involvedObject.kind")?.ToLowerInvariant()}/{Json.Str(o, "involvedObject.name")}"),
        TableColumn.Computed("Subobject", o => Json.Str(o, "involvedObject.fieldPath") ?? "", 1),
        TableColumn.Computed("Source", o => Json.Str(o, "source.component") ?? Json.Str(o, "reportingComponent") ?? "", 1),
        TableColumn.Computed("Message", o => Json.Str(o, "message")),
        Since("First Seen", o => Json.Str(o, "firstTimestamp") ?? Json.Str(o, "eventTime"), 1),
        TableColumn.Computed("Count", o => Json.Long(o, "series.count") ?? Json.Long(o, "count") ?? 1, 1),
        TableColumn.Computed("Name", o => Json.Str(o, "metadata.name"), 1),
    ];

    private static TableColumn Since(string name, Func<JsonObject, string?> timestamp, int priority = 0) =>
        new(new Resources.PrinterColumn(name, "string", "", priority), (o, now) => HumanDuration.Since(timestamp(o), now));

    private static long Count(JsonObject o, string path, Func<JsonObject, bool>? where = null) =>
        (Json.At(o, path) as JsonArray ?? []).OfType<JsonObject>().LongCount(x => where?.Invoke(x) ?? true);

    private static long Sum(JsonObject o, string path, string field) =>
        (Json.At(o, path) as JsonArray ?? []).OfType<JsonObject>().Sum(x => Json.Long(x, field) ?? 0);

    private static string Map(JsonObject o, string path) =>
        Json.StringMap(Json.At(o, path)) is { Count: > 0 } m ? string.Join(",", m.Select(kv => $"{kv.Key}={kv.Value}")) : "<none>";

    private static string Ports(JsonObject o) =>
        (Json.At(o, "spec.ports") as JsonArray ?? []).OfType<JsonObject>() is var ports && ports.Any()
            ? string.Join(",", ports.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Json.Long(p, "port")}/{Json.Str(p, "protocol") ?? "TCP"}")))
            : "<none>";

    private static string Endpoints(JsonObject o)
    {
        var list = (Json.At(o, "subsets") as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(s => (s["addresses"] as JsonArray ?? []).OfType<JsonObject>()
                .SelectMany(a => (s["ports"] as JsonArray ?? []).OfType<JsonObject>().Select(p => $"{Json.Str(a, "ip")}:{Json.Long(p, "port")}")))
            .ToList();
        return list.Count == 0 ? "<none>" : string.Join(",", list);
    }
}
