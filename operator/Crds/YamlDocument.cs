using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace BackendStack.Operator.Crds;

/// <summary>Writes a JSON document as YAML, keeping the order of keys and quoting strings that would read as another type.</summary>
internal static class YamlDocument
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
        .WithIndentedSequences()
        .Build();

    // Reparsing backs every value by JSON text, so numbers convert to whichever .NET type fits.
    public static string Write(JsonNode document) => Serializer.Serialize(ToObject(JsonNode.Parse(document.ToJsonString())));

    private static object? ToObject(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.Aggregate(new OrderedDictionary<string, object?>(StringComparer.Ordinal), (map, p) =>
        {
            map.Add(p.Key, ToObject(p.Value));
            return map;
        }),
        JsonArray array => array.Select(ToObject).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var integer) ? integer : value.GetValue<double>(),
            _ => throw new InvalidOperationException($"Unexpected JSON value {value.ToJsonString()}"),
        },
        _ => throw new InvalidOperationException($"Unexpected JSON node {node.GetType().Name}"),
    };
}
