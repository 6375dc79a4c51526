namespace BackendStack.Operator.GlusterVolumes.Policy;

/// <summary>
/// The volume options the operator keeps: safe defaults (client quorum <c>cluster.quorum-type=auto</c>, so a replica
/// set refuses writes without a majority of its bricks instead of splitting its brain; server quorum
/// <c>cluster.server-quorum-type=server</c>, so glusterd stops its bricks when it loses the pool's majority) under
/// <c>spec.options</c>, which wins. Only options whose value in force differs are set: a reconcile with nothing to
/// change runs no <c>volume set</c>.
/// </summary>
internal static class OptionsPolicy
{
    public static readonly IReadOnlyDictionary<string, string> SafeDefaults = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["cluster.quorum-type"] = "auto",
        ["cluster.server-quorum-type"] = "server",
    };

    /// <summary>Every option the volume should hold, by name.</summary>
    public static IReadOnlyDictionary<string, string> Desired(IDictionary<string, string>? specOptions)
    {
        var desired = new SortedDictionary<string, string>((IDictionary<string, string>)SafeDefaults, StringComparer.Ordinal);
        foreach (var (name, value) in specOptions ?? new Dictionary<string, string>())
        {
            desired[name] = value;
        }

        return desired;
    }

    /// <summary>
    /// The options to set, in name order: those missing from <paramref name="current"/> (the output of
    /// <c>volume get &lt;vol&gt; all</c>) or holding another value (compared without case: gluster keeps on/off as given).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Changes(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        return [.. desired
            .Where(d => !current.TryGetValue(d.Key, out var value) || !string.Equals(value.Trim(), d.Value.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(d => d.Key, StringComparer.Ordinal)];
    }
}
