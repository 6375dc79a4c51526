using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>
/// Drift detection that compares only the fields the operator sets: the desired object, as JSON, must be contained
/// in the live one. Fields the API server defaults or others add (clusterIP, imagePullPolicy, extra labels) are
/// ignored; arrays must match element by element. An empty array or map the server left out counts as equal.
/// </summary>
internal static class OwnedFields
{
    // Cached objects are never changed in place, and every reconcile builds its desired objects anew: remembering the
    // digest of the desired object a live one was last found to satisfy spares serializing and parsing both again
    // when neither changed (most reconciles are woken by another child or by the status of this one).
    private static readonly ConditionalWeakTable<object, byte[]> SatisfiedDigests = [];

    public static bool AreSatisfied<T>(T desired, T live)
        where T : class
    {
        var json = KubernetesJson.Serialize(desired);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        if (SatisfiedDigests.TryGetValue(live, out var known) && known.AsSpan().SequenceEqual(digest))
        {
            return true;
        }

        var satisfied = Contains(Owned(JsonNode.Parse(json)!.AsObject()), JsonNode.Parse(KubernetesJson.Serialize(live)));
        if (satisfied)
        {
            SatisfiedDigests.AddOrUpdate(live, digest);
        }

        return satisfied;
    }

    /// <summary>The part of an object the operator owns: everything but status and server-managed metadata.</summary>
    public static JsonObject Owned<T>(T obj) => Owned(JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject());

    private static JsonObject Owned(JsonObject node)
    {
        node.Remove("status");
        if (node["metadata"] is JsonObject metadata)
        {
            var kept = new JsonObject();
            foreach (var field in new[] { "labels", "annotations" })
            {
                if (metadata[field] is { } value)
                {
                    kept[field] = value.DeepClone();
                }
            }

            node["metadata"] = kept;
        }

        return node;
    }

    public static bool Contains(JsonNode? desired, JsonNode? live)
    {
        switch (desired)
        {
            case null:
                return true;
            case JsonObject desiredObject:
                if (live is not JsonObject liveObject)
                {
                    return live is null && desiredObject.Count == 0;
                }

                return desiredObject.All(p => Contains(p.Value, liveObject[p.Key]));
            case JsonArray desiredArray:
                if (live is not JsonArray liveArray)
                {
                    return live is null && desiredArray.Count == 0;
                }

                return desiredArray.Count == liveArray.Count && desiredArray.Zip(liveArray).All(pair => Contains(pair.First, pair.Second));
            default:
                return live is JsonValue && ScalarEquals(desired.AsValue(), live.AsValue());
        }
    }

    private static bool ScalarEquals(JsonValue desired, JsonValue live)
    {
        var d = desired.GetValue<JsonElement>();
        var l = live.GetValue<JsonElement>();
        if (d.ValueKind == JsonValueKind.Number && l.ValueKind == JsonValueKind.Number)
        {
            return d.GetDecimal() == l.GetDecimal();
        }

        return d.ValueKind == l.ValueKind && d.GetRawText() == l.GetRawText();
    }
}
