using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;

namespace BackendStack.Emulator.Events;

/// <summary>
/// core/v1 and events.k8s.io/v1 Events share one store in core/v1 form (as in kube-apiserver), so an
/// event recorded through either API is listed by both, and by `kubectl describe`.
/// </summary>
internal static class EventConversion
{
    private static readonly (string EventsV1, string Core)[] Renamed =
    [
        ("regarding", "involvedObject"), ("note", "message"), ("reportingController", "reportingComponent"),
        ("deprecatedSource", "source"), ("deprecatedFirstTimestamp", "firstTimestamp"),
        ("deprecatedLastTimestamp", "lastTimestamp"), ("deprecatedCount", "count"),
    ];

    private static readonly ResourceType CoreEvent = new("", "v1", "events", "event", "Event", true) { StorageKey = "events" };

    public static bool IsEventsV1(ResourceType type) => type is { Group: "events.k8s.io", Plural: "events" };

    /// <summary>The type whose apiVersion/kind objects are stored under.</summary>
    public static ResourceType StoredType(ResourceType type) => IsEventsV1(type) ? CoreEvent : type;

    public static JsonObject ToStored(ResourceType type, JsonObject obj) => IsEventsV1(type) ? Rename(obj, toCore: true) : obj;

    public static JsonObject ToServed(ResourceType type, JsonObject obj)
    {
        if (!IsEventsV1(type)) return obj;
        var served = Rename(obj, toCore: false);
        served["apiVersion"] = type.ApiVersion;
        return served;
    }

    private static JsonObject Rename(JsonObject obj, bool toCore)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            var match = Renamed.FirstOrDefault(r => (toCore ? r.EventsV1 : r.Core) == key);
            var name = match == default ? key : toCore ? match.Core : match.EventsV1;
            result[name] = value?.DeepClone();
        }
        return result;
    }
}
