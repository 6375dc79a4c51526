using System.Globalization;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Selectors;
using BackendStack.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Http;

/// <summary>The query of a list or watch: selectors, resourceVersion, limit/continue, timeout, bookmarks.</summary>
internal sealed record ListQuery(LabelSelector Labels, FieldSelector Fields, string? ResourceVersion, int Limit, string? Continue,
    int? TimeoutSeconds, bool Bookmarks, bool Watch)
{
    public static ListQuery From(HttpRequest request, ResourceType type)
    {
        var q = request.Query;
        return new ListQuery(
            LabelSelector.Parse(q["labelSelector"]),
            FieldSelector.Parse(q["fieldSelector"], type),
            q["resourceVersion"].ToString() is { Length: > 0 } rv ? rv : null,
            int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : 0,
            q["continue"].ToString() is { Length: > 0 } c ? c : null,
            int.TryParse(q["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null,
            q["allowWatchBookmarks"] == "true",
            q["watch"] is var w && (w == "true" || w == "1"));
    }

    public Func<StoredObject, bool> Filter(string? ns) => o =>
        (string.IsNullOrEmpty(ns) || o.Namespace == ns) && (Labels.IsEmpty || Labels.Matches(o.View)) && (Fields.IsEmpty || Fields.Matches(o.View));

    /// <summary>The resourceVersion to resume a watch after; null means "send the current state first".</summary>
    public long? WatchFrom()
    {
        if (ResourceVersion is null or "0") return null;
        return long.TryParse(ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
            ? rv
            : throw StatusErrors.BadRequest($"resourceVersion: Invalid value: \"{ResourceVersion}\": must be a valid resource version");
    }
}
