using System.Globalization;
using System.Text.Json;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Http;

/// <summary>One page of a list: the items, the list's resourceVersion and the continue token, if more remain.</summary>
internal sealed record ListResult(IReadOnlyList<StoredObject> Items, long Revision, string? Continue, long Remaining)
{
    public static ListResult Page(ObjectStore store, ResourceType type, string? ns, ListQuery query)
    {
        var revision = (long?)null;
        var start = "";
        if (query.Continue is { } token)
        {
            (var rv, start) = ContinueToken.Decode(token);
            if (rv < store.CompactedThrough) throw ContinueToken.Expired();
            revision = rv;
        }
        var (all, current) = store.List(type.Store, ns, query.Filter(ns));
        var items = all.Where(o => string.CompareOrdinal(o.Key, start) >= 0).ToList();
        revision ??= current;
        if (query.Limit <= 0 || items.Count <= query.Limit) return new ListResult(items, revision.Value, null, 0);
        var page = items.Take(query.Limit).ToList();
        return new ListResult(page, revision.Value, ContinueToken.Encode(revision.Value, page[^1].Key), items.Count - page.Count);
    }

    public byte[] ToJson(ResourceType type)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Wire.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("kind", type.Kind + "List");
            w.WriteString("apiVersion", type.ApiVersion);
            w.WriteStartObject("metadata");
            w.WriteString("resourceVersion", Revision.ToString(CultureInfo.InvariantCulture));
            if (Continue is not null)
            {
                w.WriteString("continue", Continue);
                w.WriteNumber("remainingItemCount", Remaining);
            }
            w.WriteEndObject();
            w.WriteStartArray("items");
            foreach (var item in Items) w.WriteRawValue(ObjectView.Bytes(type, item).Span, skipInputValidation: true);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
