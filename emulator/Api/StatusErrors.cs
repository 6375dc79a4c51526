using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;

namespace BackendStack.Emulator.Api;

/// <summary>The Status errors of kube-apiserver, with its exact messages, reasons and details.</summary>
internal static class StatusErrors
{
    public static ApiStatusException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.GroupResource} \"{name}\" not found", Details(name, type.Group, type.Plural));

    public static ApiStatusException NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", Details(ns, "", "namespaces"));

    public static ApiStatusException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.GroupResource} \"{name}\" already exists", Details(name, type.Group, type.Plural));

    public static ApiStatusException Conflict(ResourceType type, string name, string why =
        "the object has been modified; please apply your changes to the latest version and try again") =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": {why}",
            Details(name, type.Group, type.Plural));

    public static ApiStatusException Invalid(ResourceType type, string name, IReadOnlyList<FieldError> errors)
    {
        var list = string.Join(", ", errors.Select(e => e.ToString()));
        var message = $"{type.GroupKind} \"{name}\" is invalid: {(errors.Count == 1 ? list : $"[{list}]")}";
        var details = Details(name, type.Group, type.Kind);
        details["causes"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
        {
            ["reason"] = e.Reason,
            ["message"] = e.Detail,
            ["field"] = e.Field,
        })]);
        return new ApiStatusException(422, "Invalid", message, details);
    }

    public static ApiStatusException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiStatusException MethodNotAllowed(string message = "the server does not allow this method on the requested resource") =>
        new(405, "MethodNotAllowed", message, new JsonObject());

    public static ApiStatusException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}");

    public static ApiStatusException Expired(string message) => new(410, "Expired", message);

    public static ApiStatusException RouteNotFound() =>
        new(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    /// <summary>An injected failure with the reason kube-apiserver gives that code.</summary>
    public static ApiStatusException Injected(int code) => code switch
    {
        409 => new(409, "Conflict", "injected conflict: the object has been modified; please apply your changes to the latest version and try again"),
        429 => new(429, "TooManyRequests", "injected: the server has received too many requests and has asked us to try again later",
            new JsonObject { ["retryAfterSeconds"] = 1 }),
        500 => new(500, "InternalError", "Internal error occurred: injected failure"),
        503 => new(503, "ServiceUnavailable", "the server is currently unable to handle the request (injected)"),
        _ => new(code, "Unknown", $"injected failure with code {code}"),
    };

    private static JsonObject Details(string name, string group, string kind)
    {
        var details = new JsonObject { ["name"] = name };
        if (group.Length > 0) details["group"] = group;
        details["kind"] = kind;
        return details;
    }
}
