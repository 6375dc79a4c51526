using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Selectors;

/// <summary>A parsed labelSelector: =, ==, !=, in, notin, key and !key, comma-separated (all must hold).</summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> requirements = [];

    public static readonly LabelSelector Everything = new();

    public bool IsEmpty => requirements.Count == 0;

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text)) return selector;
        foreach (var raw in SplitTopLevel(text))
        {
            var term = raw.Trim();
            if (term.Length == 0) continue;
            selector.requirements.Add(ParseTerm(term));
        }
        return selector;
    }

    /// <summary>A selector from a metav1.LabelSelector object (matchLabels and matchExpressions).</summary>
    public static LabelSelector FromObject(JsonNode? node)
    {
        var selector = new LabelSelector();
        if (node is not JsonObject o) return selector;
        foreach (var (k, v) in Json.StringMap(o["matchLabels"]))
            selector.requirements.Add(labels => labels.TryGetValue(k, out var x) && x == v);
        foreach (var expr in (o["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = Json.Str(expr, "key") ?? "";
            var values = (expr["values"] as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? "").ToHashSet();
            selector.requirements.Add(Json.Str(expr, "operator") switch
            {
                "In" => labels => labels.TryGetValue(key, out var x) && values.Contains(x),
                "NotIn" => labels => !labels.TryGetValue(key, out var x) || !values.Contains(x),
                "Exists" => labels => labels.ContainsKey(key),
                "DoesNotExist" => labels => !labels.ContainsKey(key),
                var op => throw StatusErrors.BadRequest($"\"{op}\" is not a valid label selector operator"),
            });
        }
        return selector;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(r => r(labels));

    public bool Matches(JsonObject obj) => IsEmpty || Matches(Json.StringMap(Json.At(obj, "metadata.labels")));

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseTerm(string term)
    {
        if (term.StartsWith('!')) { var key = term[1..].Trim(); return l => !l.ContainsKey(key); }
        foreach (var (op, negate) in new[] { (" notin ", true), (" in ", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at < 0) continue;
            var key = term[..at].Trim();
            var set = term[(at + op.Length)..].Trim();
            if (!set.StartsWith('(') || !set.EndsWith(')')) throw Unparsable(term);
            var values = set[1..^1].Split(',').Select(v => v.Trim()).ToHashSet();
            return negate ? l => !l.TryGetValue(key, out var x) || !values.Contains(x) : l => l.TryGetValue(key, out var x) && values.Contains(x);
        }
        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at < 0) continue;
            var key = term[..at].Trim();
            var value = term[(at + op.Length)..].Trim();
            if (key.Length == 0) throw Unparsable(term);
            return op == "!=" ? l => !l.TryGetValue(key, out var x) || x != value : l => l.TryGetValue(key, out var x) && x == value;
        }
        if (term.Contains(' ') || term.Contains('(')) throw Unparsable(term);
        return l => l.ContainsKey(term);
    }

    private static ApiStatusException Unparsable(string term) =>
        StatusErrors.BadRequest($"unable to parse requirement: found '{term}', expected: '=', '!=', '==', 'in', notin'");

    /// <summary>Splits on commas outside parentheses ("a in (x,y),b" is two terms).</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }
}
