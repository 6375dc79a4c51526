namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>
/// Directives Redis reads only when it starts (CONFIG SET refuses them). Every other directive is
/// applied live; changing one of these changes the pod template, so the pods roll one at a time.
/// </summary>
internal static class StartupDirectives
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "databases", "io-threads", "io-threads-do-reads", "tcp-backlog", "supervised", "always-show-logo", "set-proc-title",
        "syslog-enabled", "syslog-ident", "syslog-facility", "unixsocketperm", "cluster-enabled", "cluster-config-file",
        "cluster-port", "enable-protected-configs", "enable-debug-command", "enable-module-command", "disable-thp",
    };

    /// <summary>The startup-only directives of a configuration in a stable order: what the pod template hash covers.</summary>
    public static string Of(RedisConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Join('\n', configuration.Live.Where(p => Names.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
    }

    /// <summary>The directives CONFIG SET can keep in force on running servers.</summary>
    public static IReadOnlyDictionary<string, string> Settable(RedisConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Live.Where(p => !Names.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }
}
