using System.Text;

namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>
/// node.cnf, the <c>[mysqld]</c> settings every node starts with: Galera's own requirements (ROW binlog, interleaved
/// auto-increment locks, InnoDB), the cluster's name, then the user's <c>mysqlConfig</c> fragment last so it can
/// override anything but the Galera essentials. Options only Percona's server knows are written with the
/// <c>loose-</c> prefix, which both Percona's mysqld and mariadbd honour (an unknown loose option is skipped with a
/// warning), so the same file runs on the real image and on the local stand-in. Galera's addresses and the
/// cluster address are the start script's (they depend on the pod), never this file's.
/// </summary>
internal static class NodeConfigBuilder
{
    /// <summary>Options of Percona XtraDB Cluster that mariadbd refuses by name.</summary>
    public static readonly IReadOnlySet<string> PerconaOnlyOptions = new HashSet<string>(StringComparer.Ordinal)
    {
        "pxc_strict_mode", "pxc_maint_mode", "pxc_maint_transition_period", "pxc_encrypt_cluster_traffic", "wsrep_min_log_verbosity",
    };

    /// <summary>Settings Galera needs; a fragment that sets them otherwise is refused.</summary>
    private static readonly Dictionary<string, string> Required = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["binlog_format"] = "ROW",
        ["innodb_autoinc_lock_mode"] = "2",
        ["default_storage_engine"] = "InnoDB",
        ["wsrep_on"] = "ON",
    };

    public static (NodeConfig Config, IReadOnlyList<SpecError> Errors) Build(Api.PerconaCluster resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var errors = new List<SpecError>();
        var providerOptions = "";
        var text = new StringBuilder();
        text.Append("# Written by the operator from PerconaCluster ").Append(resource.Metadata.Name).Append("; edit spec.mysqlConfig instead.\n");
        text.Append("[mysqld]\n");
        foreach (var (key, value) in Required)
        {
            text.Append(key).Append(" = ").Append(value).Append('\n');
        }

        text.Append("wsrep_cluster_name = ").Append(resource.Metadata.Name).Append('\n');
        text.Append("skip-name-resolve\n");
        text.Append("loose-pxc_strict_mode = ENFORCING\n");
        var fragment = resource.Spec.MysqlConfig;
        if (!string.IsNullOrWhiteSpace(fragment))
        {
            text.Append("# spec.mysqlConfig\n");
            var lineNumber = 0;
            foreach (var raw in fragment.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                lineNumber++;
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';')
                {
                    continue;
                }

                if (line.StartsWith('[') || line.StartsWith('!'))
                {
                    errors.Add(new SpecError("spec.mysqlConfig", $"line {lineNumber}: '{line}': the fragment goes into [mysqld]; sections and !include are not allowed"));
                    continue;
                }

                var (key, value) = Split(line);
                var name = key.Replace('-', '_');
                if (Required.TryGetValue(name, out var required) && !string.Equals(value, required, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new SpecError("spec.mysqlConfig", $"line {lineNumber}: {key} must be {required} for Galera"));
                    continue;
                }

                if (name == "wsrep_provider_options")
                {
                    var (options, error) = ProviderOptions(value ?? "", lineNumber);
                    if (error is not null)
                    {
                        errors.Add(error);
                    }

                    providerOptions = options;
                    continue;
                }

                if (name.StartsWith("wsrep_cluster_address", StringComparison.Ordinal) || name.StartsWith("wsrep_node_address", StringComparison.Ordinal)
                    || name == "bind_address" || name == "datadir")
                {
                    errors.Add(new SpecError("spec.mysqlConfig", $"line {lineNumber}: {key} is set by the operator per node"));
                    continue;
                }

                text.Append(PerconaOnlyOptions.Contains(name) && !key.StartsWith("loose-", StringComparison.Ordinal) ? "loose-" + line : line).Append('\n');
            }
        }

        return (new NodeConfig(text.ToString(), providerOptions), errors);
    }

    /// <summary>Provider options a user may set (evs.suspect_timeout, gcache.size, ...): not those the operator's bootstrap and addresses depend on.</summary>
    private static (string Options, SpecError? Error) ProviderOptions(string value, int lineNumber)
    {
        string[] reserved = ["pc.recovery", "pc.wait_prim", "pc.bootstrap", "gmcast.listen_addr", "ist.recv_addr", "base_host", "base_port"];
        var options = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var refused = options.Select(o => o.Split('=')[0].Trim()).FirstOrDefault(k => reserved.Contains(k, StringComparer.Ordinal));
        if (refused is not null)
        {
            return ("", new SpecError("spec.mysqlConfig", $"line {lineNumber}: wsrep_provider_options may not set {refused}: the operator sets it per node"));
        }

        return options.Any(o => !o.Contains('=', StringComparison.Ordinal) || o.Contains('"', StringComparison.Ordinal) || o.Contains('\'', StringComparison.Ordinal))
            ? ("", new SpecError("spec.mysqlConfig", $"line {lineNumber}: wsrep_provider_options must be key=value pairs separated by ';'"))
            : (string.Join(';', options), null);
    }

    private static (string Key, string? Value) Split(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (line, null) : (line[..equals].Trim(), line[(equals + 1)..].Trim().Trim('"', '\''));
    }
}
