namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>Names, ports and keys of a ProxySQL's children, derived from the resource name.</summary>
internal sealed record ProxySqlNames(string Name)
{
    public const int AdminPort = 6032;
    public const int MysqlPort = 6033;

    /// <summary>The client Service's port: the MySQL port applications expect, mapped to ProxySQL's 6033.</summary>
    public const int ServicePort = 3306;

    public const string ContainerName = "proxysql";
    public const string ConfigDirectory = "/etc/proxysql";
    public const string DataDirectory = "/var/lib/proxysql";

    /// <summary>ConfigMap keys.</summary>
    public const string ConfigKey = "proxysql.cnf";
    public const string StartScriptKey = "start.sh";

    /// <summary>The operator's own admin login ('admin' may only connect from localhost).</summary>
    public const string OperatorUser = "operator";

    /// <summary>The key of the admin Secret holding the operator's admin password.</summary>
    public const string OperatorPasswordKey = "operator-password";

    public string StatefulSet => $"{Name}-proxysql";
    public string PeerService => $"{Name}-proxysql";
    public string ClientService => Name;
    public string ConfigMap => $"{Name}-proxysql-config";
    public string AdminSecret => $"{Name}-proxysql-admin";
    public string DisruptionBudget => $"{Name}-proxysql";

    public string Pod(int ordinal) => $"{StatefulSet}-{ordinal}";

    /// <summary>What AppTiers connect to.</summary>
    public string Endpoint(string ns) => $"{ClientService}.{ns}.svc:{ServicePort}";
}
