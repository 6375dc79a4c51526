namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>
/// The system users whose passwords the cluster's Secret holds (one key each), and the least privilege each needs:
/// monitor reads what ProxySQL's Galera checks and the readiness probe read; operator reads status and manages the
/// application users (granting ALL on a database needs ALL on it with GRANT OPTION); backup desyncs a node and takes a
/// consistent logical dump without table locks. root is the image's own; proxyadmin is ProxySQL's admin login, not a
/// database user.
/// </summary>
internal static class SystemUsers
{
    public const string Root = "root";
    public const string Monitor = "monitor";
    public const string Operator = "operator";
    public const string ProxyAdmin = "proxyadmin";
    public const string Backup = "backup";

    /// <summary>Every key of the Secret, in the order they are generated.</summary>
    public static readonly IReadOnlyList<string> SecretKeys = [Root, Monitor, Operator, ProxyAdmin, Backup];

    /// <summary>The database users the operator creates (root comes with the datadir), with their grants on *.*.</summary>
    public static readonly IReadOnlyDictionary<string, string> DatabaseUsers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Monitor] = "USAGE, PROCESS, REPLICATION CLIENT",
        [Operator] = "ALL PRIVILEGES",
        [Backup] = "SELECT, SHOW VIEW, TRIGGER, EVENT, RELOAD, PROCESS, REPLICATION CLIENT, SUPER",
    };

    /// <summary>Whether a user takes GRANT OPTION with its grants (only operator, which grants the application users).</summary>
    public static bool GrantsOthers(string user) => user == Operator;

    /// <summary>Names the operator never treats as application users.</summary>
    public static bool IsReserved(string user) =>
        SecretKeys.Contains(user, StringComparer.Ordinal) || user.StartsWith("mariadb.", StringComparison.Ordinal)
        || user.StartsWith("mysql.", StringComparison.Ordinal) || user is "xtrabackup" or "clustercheck" or "replication" or "mysql";
}
