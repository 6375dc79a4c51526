using System.Globalization;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// A StatefulSet's ControllerRevisions, as kube-controller-manager keeps them: one per pod template
/// (named name-hash, which is also the pods' controller-revision-hash label), so Pods can be
/// recreated from an older template (below a RollingUpdate partition). Revisions no Pod uses are
/// pruned beyond spec.revisionHistoryLimit (default 10).
/// </summary>
internal sealed class StatefulSetRevisions(ClusterState cluster)
{
    private const int DefaultHistoryLimit = 10;

    /// <summary>The revision of the current template, created when it is new.</summary>
    public string EnsureUpdateRevision(JsonObject sts, IReadOnlyList<JsonObject> owned)
    {
        var ns = Json.Str(sts, "metadata.namespace") ?? "";
        var hash = PodTemplates.Hash(sts);
        var name = $"{Json.Str(sts, "metadata.name")}-{hash}";
        if (owned.Any(r => Json.Str(r, "metadata.name") == name)) return name;
        var template = Json.At(sts, "spec.template")?.DeepClone() as JsonObject ?? new JsonObject();
        template["$patch"] = "replace";
        var labels = Json.At(sts, "spec.selector.matchLabels")?.DeepClone() as JsonObject ?? new JsonObject();
        labels["controller.kubernetes.io/hash"] = hash;
        cluster.Create("controllerrevisions.apps", ns, new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ControllerRevision",
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels, ["ownerReferences"] = new JsonArray(ClusterState.OwnerReference(sts)) },
            ["data"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = template } },
            ["revision"] = owned.Select(r => Json.Long(r, "revision") ?? 0).DefaultIfEmpty(0).Max() + 1,
        });
        return name;
    }

    public IReadOnlyList<JsonObject> Owned(JsonObject sts) =>
        cluster.List("controllerrevisions.apps", Json.Str(sts, "metadata.namespace") ?? "", r => ClusterState.IsControlledBy(r, sts));

    /// <summary>The StatefulSet as it was at <paramref name="revision"/> (its pod template), or null when that revision is gone.</summary>
    public static JsonObject? AtRevision(JsonObject sts, IReadOnlyList<JsonObject> owned, string revision)
    {
        if (owned.FirstOrDefault(r => Json.Str(r, "metadata.name") == revision) is not { } stored
            || Json.At(stored, "data.spec.template")?.DeepClone() is not JsonObject template) return null;
        template.Remove("$patch");
        var old = (JsonObject)sts.DeepClone();
        Json.Object(old, "spec")["template"] = template;
        return old;
    }

    /// <summary>Deletes the oldest revisions that neither the status nor any Pod refers to, beyond the history limit.</summary>
    public void Prune(JsonObject sts, IReadOnlyList<JsonObject> owned, IReadOnlySet<string> inUse)
    {
        var limit = (int)(Json.Long(sts, "spec.revisionHistoryLimit") ?? DefaultHistoryLimit);
        var unused = owned.Where(r => !inUse.Contains(Json.Str(r, "metadata.name")!)).OrderBy(r => Json.Long(r, "revision") ?? 0).ToList();
        foreach (var revision in unused.Take(Math.Max(0, unused.Count - limit)))
            cluster.Delete("controllerrevisions.apps", Json.Str(sts, "metadata.namespace") ?? "", Json.Str(revision, "metadata.name")!);
    }

    public static string Label(JsonObject pod) =>
        Json.StringMap(Json.At(pod, "metadata.labels")).GetValueOrDefault(PodTemplates.HashLabel) ?? "";

    public static int Ordinal(string sts, string pod) =>
        int.TryParse(pod.AsSpan(sts.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue;
}
