namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>The directives whose running value differs from the desired one, as CONFIG SET pairs.</summary>
internal static class ConfigDriftPolicy
{
    public static IReadOnlyList<KeyValuePair<string, string>> Drift(IReadOnlyDictionary<string, string> desired, IReadOnlyDictionary<string, string> running)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(running);
        return desired
            .Where(d => !running.TryGetValue(d.Key, out var actual) || !string.Equals(Normalize(actual), Normalize(d.Value), StringComparison.OrdinalIgnoreCase))
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static string Normalize(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
