using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackendStack.Emulator.Tables;

/// <summary>
/// The JSONPath subset printer columns use: .a.b, ['a.b'], [n], [*], and filters such as
/// [?(@.type=="Ready")] (== and != against strings, numbers and booleans, or a bare @.field).
/// </summary>
internal static class JsonPathQuery
{
    public static IReadOnlyList<JsonNode?> Evaluate(JsonNode? root, string path)
    {
        var p = path.Trim();
        if (p.StartsWith('{') && p.EndsWith('}')) p = p[1..^1];
        if (p.StartsWith('$')) p = p[1..];
        IReadOnlyList<JsonNode?> current = [root];
        var i = 0;
        while (i < p.Length && current.Count > 0)
        {
            if (p[i] == '.')
            {
                i++;
                var start = i;
                while (i < p.Length && p[i] != '.' && p[i] != '[') i++;
                var name = p[start..i];
                if (name.Length == 0) continue;
                current = name == "*" ? [.. current.SelectMany(Children)] : [.. current.Select(n => (n as JsonObject)?[name]).Where(n => n is not null)];
            }
            else if (p[i] == '[')
            {
                var end = Close(p, i);
                current = [.. current.SelectMany(n => Index(n, p[(i + 1)..end]))];
                i = end + 1;
            }
            else return [];
        }
        return current;
    }

    /// <summary>The first result as text, as a printer column cell shows it.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static IEnumerable<JsonNode?> Children(JsonNode? n) => n switch
    {
        JsonObject o => o.Select(kv => kv.Value),
        JsonArray a => a,
        _ => [],
    };

    private static IEnumerable<JsonNode?> Index(JsonNode? node, string inner)
    {
        inner = inner.Trim();
        if (inner == "*") return Children(node);
        if (inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')'))
            return (node as JsonArray ?? []).Where(item => Filter(item, inner[2..^1]));
        if ((inner.StartsWith('\'') || inner.StartsWith('"')) && inner.Length >= 2)
            return (node as JsonObject)?[inner[1..^1]] is { } v ? [v] : [];
        if (node is JsonArray a && int.TryParse(inner, out var idx))
        {
            if (idx < 0) idx += a.Count;
            return idx >= 0 && idx < a.Count ? [a[idx]] : [];
        }
        return [];
    }

    private static bool Filter(JsonNode? item, string expr)
    {
        foreach (var op in new[] { "==", "!=" })
        {
            var at = expr.IndexOf(op, StringComparison.Ordinal);
            if (at < 0) continue;
            var found = Evaluate(item, expr[..at].Trim().TrimStart('@'));
            var left = found.Count > 0 ? found[0] : null;
            var right = Literal(expr[(at + 2)..].Trim());
            var equal = JsonNode.DeepEquals(left, right);
            return op == "==" ? equal : !equal;
        }
        return Evaluate(item, expr.Trim().TrimStart('@')).Count > 0;
    }

    private static JsonNode? Literal(string text)
    {
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'')) return JsonValue.Create(text[1..^1]);
        try { return JsonNode.Parse(text); } catch (JsonException) { return JsonValue.Create(text); }
    }

    private static int Close(string p, int open)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = open; i < p.Length; i++)
        {
            var c = p[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c == '[') depth++;
            else if (c == ']' && --depth == 0) return i;
        }
        return p.Length - 1;
    }
}
