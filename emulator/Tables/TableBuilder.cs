using System.Globalization;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Tables;

/// <summary>meta.k8s.io/v1 Tables for `kubectl get`: columns, one row per object, ages rendered server-side.</summary>
internal static class TableBuilder
{
    public static IReadOnlyList<TableColumn> Columns(ResourceType type)
    {
        if (type.Plural == "customresourcedefinitions")
            return [TableColumn.Name(), TableColumn.Computed("Created At", o => Json.Str(o, "metadata.creationTimestamp"))];
        if (type.Plural == "events") return BuiltInColumns.Events();
        if (type.IsCustom)
            return type.PrinterColumns.Count == 0 ? [TableColumn.Name(), TableColumn.Age()] : [TableColumn.Name(), .. type.PrinterColumns.Select(TableColumn.FromPrinterColumn)];
        var columns = BuiltInColumns.For(type.GroupResource);
        return columns.Any(c => c.Definition.Name == "Age") ? [TableColumn.Name(), .. columns] : [TableColumn.Name(), .. columns, TableColumn.Age()];
    }

    public static JsonObject Build(ResourceType type, IEnumerable<JsonObject> objects, long revision, string? continueToken,
        bool includeWholeObject, DateTimeOffset now, bool withColumns = true)
    {
        var columns = Columns(type);
        var meta = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (continueToken is not null) meta["continue"] = continueToken;
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = meta,
            ["columnDefinitions"] = withColumns ? new JsonArray([.. columns.Select(Definition)]) : new JsonArray(),
        };
        table["rows"] = new JsonArray([.. objects.Select(o => (JsonNode)Row(columns, o, includeWholeObject, now))]);
        return table;
    }

    private static JsonObject Row(IReadOnlyList<TableColumn> columns, JsonObject obj, bool includeWholeObject, DateTimeOffset now) => new()
    {
        ["cells"] = new JsonArray([.. columns.Select(c => c.Cell(obj, now))]),
        ["object"] = includeWholeObject ? obj.DeepClone() : new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = obj["metadata"]?.DeepClone(),
        },
    };

    private static JsonNode Definition(TableColumn c) => new JsonObject
    {
        ["name"] = c.Definition.Name,
        ["type"] = c.Definition.Type,
        ["format"] = c.Definition.Format,
        ["description"] = c.Definition.Description,
        ["priority"] = c.Definition.Priority,
    };
}
