using System.Text.Json.Nodes;

namespace BackendStack.Emulator.Resources;

/// <summary>One served resource of one group-version, as discovery, storage and tables see it.</summary>
internal sealed record ResourceType(string Group, string Version, string Plural, string Singular, string Kind, bool Namespaced)
{
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public bool HasStatus { get; init; }
    public bool HasScale => ScalePaths is not null;

    /// <summary>Where the scale subresource reads and writes replicas (and the selector); null without one.</summary>
    public ScalePaths? ScalePaths { get; init; }
    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>The openAPIV3Schema of a custom resource version; null for built-ins.</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>Built-ins get strategic merge patch; custom resources do not.</summary>
    public bool IsCustom { get; init; }

    /// <summary>Objects of several served types can share one store (events, CRD versions).</summary>
    public string StorageKey { get; init; } = "";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>"configmaps" or "redisfailovers.backend.example.io", as error messages name it.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>"ConfigMap" or "RedisFailover.backend.example.io", as Invalid messages name it.</summary>
    public string GroupKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public string Store => StorageKey.Length > 0 ? StorageKey : GroupResource;

    public static readonly IReadOnlyList<string> AllVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
}
