using System.Globalization;
using System.Text;
using BackendStack.Operator.Api;

namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>
/// redis.conf from the spec, following the operational rules: dumps only in the background
/// (save rules, never SAVE), AOF as the spec says, slowlog on, client limits and timeouts set.
/// </summary>
internal static class RedisConfigBuilder
{
    /// <summary>Directives the operator owns: set by the start script or fixed by the pod layout.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "requirepass", "masterauth", "masteruser", "port", "bind", "dir", "replicaof", "slaveof", "replica-announce-ip",
        "replica-announce-port", "include", "rename-command", "daemonize", "logfile", "pidfile", "unixsocket", "aclfile",
    };

    /// <summary>
    /// Directives Redis reads only at startup (CONFIG SET refuses them): changing one needs a
    /// restart, so only these count towards the pod template's config hash. Everything else is
    /// applied to the running servers with CONFIG SET.
    /// </summary>
    public static readonly IReadOnlySet<string> StartupOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "databases", "io-threads", "io-threads-do-reads", "tcp-backlog", "supervised", "syslog-enabled", "syslog-ident",
        "syslog-facility", "always-show-logo", "appendfilename", "appenddirname", "set-proc-title", "proc-title-template",
        "disable-thp", "cluster-enabled", "cluster-config-file", "unixsocketperm", "enable-protected-configs",
        "enable-debug-command", "enable-module-command", "loadmodule", "oom-score-adj-values", "locale-collate",
    };

    public static RedisConfiguration Build(RedisSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var live = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["timeout"] = "300",
            ["tcp-keepalive"] = "60",
            ["maxclients"] = "10000",
            ["save"] = spec.Persistence.Mode == RedisPersistenceMode.Rdb ? spec.Persistence.RdbSaveRules ?? "3600 1 300 100 60 10000" : "",
            ["appendonly"] = spec.Persistence.Mode == RedisPersistenceMode.Aof ? "yes" : "no",
            ["appendfsync"] = Enum(spec.Persistence.AofFsync),
            ["slowlog-log-slower-than"] = Number(spec.Slowlog.ThresholdMicroseconds),
            ["slowlog-max-len"] = Number(spec.Slowlog.MaxLen),
            // A replica resyncing alone (a restarted pod) should not wait 5 s for others to join the transfer.
            ["repl-diskless-sync-delay"] = "0",
        };
        var errors = new List<SpecError>();
        if (spec.MaxMemory is { } maxMemory)
        {
            if (RedisMemorySize.ToBytes(maxMemory) is { } bytes)
            {
                live["maxmemory"] = Number(bytes);
            }
            else
            {
                errors.Add(new SpecError("spec.redis.maxMemory", $"'{maxMemory}' is not a memory size such as 512mb or 2gb"));
            }
        }

        if (spec.MaxMemoryPolicy is { } policy)
        {
            live["maxmemory-policy"] = Enum(policy);
        }

        foreach (var (key, value) in spec.Config ?? new Dictionary<string, string>())
        {
            if (Validate(key, value) is { } error)
            {
                errors.Add(error);
                continue;
            }

            live[key.ToLowerInvariant()] = RedisMemorySize.ToBytes(value) is { } b && !value.All(char.IsDigit) ? Number(b) : value.Trim();
        }

        var startup = new StringBuilder()
            .AppendLine("# Rendered by backendstack-operator from the RedisFailover spec; the start script appends auth and the pod address.")
            .AppendLine(CultureInfo.InvariantCulture, $"port {RedisFailoverNames.RedisPort}")
            .AppendLine("protected-mode no")
            .AppendLine("dir /data");
        var file = new StringBuilder(startup.ToString());
        foreach (var (key, value) in live.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            file.AppendLine(CultureInfo.InvariantCulture, $"{key} {Quote(value)}");
            if (StartupOnly.Contains(key))
            {
                startup.AppendLine(CultureInfo.InvariantCulture, $"{key} {Quote(value)}");
            }
        }

        return new RedisConfiguration(file.ToString(), live.Where(p => !StartupOnly.Contains(p.Key)).ToDictionary(StringComparer.OrdinalIgnoreCase), errors)
        {
            StartupPart = startup.ToString(),
        };
    }

    private static SpecError? Validate(string key, string value)
    {
        var field = $"spec.redis.config.{key}";
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return new SpecError(field, "directive names are lowercase letters, digits and '-'");
        }

        if (Reserved.Contains(key))
        {
            return new SpecError(field, $"'{key}' is managed by the operator and cannot be set here");
        }

        return value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? new SpecError(field, "the value must be one line without double quotes")
            : null;
    }

    private static string Quote(string value) => value.Length == 0 || value.Contains(' ', StringComparison.Ordinal) ? $"\"{value}\"" : value;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Enum<T>(T value)
        where T : struct, System.Enum =>
        System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
