using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;

namespace BackendStack.Emulator.Tables;

/// <summary>A table column and how to compute its cell from an object at a given time.</summary>
internal sealed record TableColumn(PrinterColumn Definition, Func<JsonObject, DateTimeOffset, JsonNode?> Cell)
{
    public static TableColumn Name() =>
        new(new PrinterColumn("Name", "string", ".metadata.name", Format: "name",
            Description: "Name must be unique within a namespace."), (o, _) => JsonValue.Create(o["metadata"]?["name"]?.GetValue<string>()));

    public static TableColumn Age() =>
        new(new PrinterColumn("Age", "string", ".metadata.creationTimestamp",
            Description: "CreationTimestamp is a timestamp representing the server time when this object was created."),
            (o, now) => HumanDuration.Since(o["metadata"]?["creationTimestamp"]?.GetValue<string>(), now));

    public static TableColumn Computed(string name, Func<JsonObject, object?> cell, int priority = 0) =>
        new(new PrinterColumn(name, "string", "", priority), (o, _) => ToNode(cell(o)));

    /// <summary>A CRD additionalPrinterColumn, evaluated by JSONPath and typed as the CRD says.</summary>
    public static TableColumn FromPrinterColumn(PrinterColumn column) => new(column, (o, now) =>
    {
        var first = JsonPathQuery.Evaluate(o, column.JsonPath).FirstOrDefault(n => n is not null);
        if (first is null) return null;
        return column.Type switch
        {
            "date" => HumanDuration.Since(JsonPathQuery.Text(first), now),
            "integer" when first is JsonValue v && v.GetValueKind() == JsonValueKind.Number => first.DeepClone(),
            "number" when first is JsonValue v && v.GetValueKind() == JsonValueKind.Number => first.DeepClone(),
            "boolean" when first is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => first.DeepClone(),
            _ => JsonPathQuery.Text(first),
        };
    });

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode n => n.DeepClone(),
        string s => s,
        long l => l,
        int i => i,
        bool b => b,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
