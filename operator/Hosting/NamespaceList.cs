using System.Text.RegularExpressions;

namespace BackendStack.Operator.Hosting;

/// <summary>The value of <c>--namespace</c>: one namespace or a comma-separated list of them, as controller-runtime's DefaultNamespaces.</summary>
public static partial class NamespaceList
{
    /// <summary>The namespaces named in <paramref name="value"/>, in order, without blanks or repeats; empty for null (every namespace).</summary>
    public static IReadOnlyList<string> Parse(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>Why <paramref name="value"/> is not a namespace list (null when it is one).</summary>
    public static string? Problem(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var names = Parse(value);
        if (names.Count == 0)
        {
            return "names no namespace";
        }

        var invalid = names.Where(n => !Label().IsMatch(n)).ToList();
        return invalid.Count == 0
            ? null
            : $"not a namespace name (lowercase letters, digits and '-', at most 63): {string.Join(", ", invalid)}";
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
