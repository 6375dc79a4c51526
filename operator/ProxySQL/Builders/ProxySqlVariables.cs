using System.Globalization;
using BackendStack.Operator.Api;

namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>
/// The ProxySQL global variables the operator keeps (names as in <c>global_variables</c>). The Galera check runs every
/// 500 ms instead of ProxySQL's default 5 s, so a dead writer leaves the writer hostgroup within about a second; backend
/// connects give up after 1 s so a query waiting on a dead node moves on to the new writer.
/// </summary>
internal static class ProxySqlVariables
{
    public const string MonitorUsername = "mysql-monitor_username";
    public const string MonitorPassword = "mysql-monitor_password";
    public const string GaleraInterval = "mysql-monitor_galera_healthcheck_interval";
    public const int GaleraIntervalMilliseconds = 500;

    /// <summary>The tuned variables that hold no secret (also written to proxysql.cnf, so a fresh pod starts with them).</summary>
    public static IReadOnlyDictionary<string, string> Tuned(ProxySQLSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [MonitorUsername] = "monitor",
            [GaleraInterval] = Text(GaleraIntervalMilliseconds),
            ["mysql-monitor_galera_healthcheck_timeout"] = "800",
            ["mysql-monitor_galera_healthcheck_max_timeout_count"] = "3",
            ["mysql-monitor_ping_interval"] = "2000",
            ["mysql-monitor_connect_interval"] = "10000",
            ["mysql-connect_timeout_server"] = "1000",
        };
        if (spec.MaxConnections is { } max)
        {
            variables["mysql-max_connections"] = Text(max);
        }

        return variables;
    }

    /// <summary>Everything the admin interface should hold: <see cref="Tuned"/> and the monitor's password.</summary>
    public static IReadOnlyDictionary<string, string> Desired(ProxySQLSpec spec, string monitorPassword)
    {
        var variables = new SortedDictionary<string, string>((IDictionary<string, string>)Tuned(spec), StringComparer.Ordinal)
        {
            [MonitorPassword] = monitorPassword,
        };
        return variables;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
