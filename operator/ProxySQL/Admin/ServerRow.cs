namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>One row of <c>mysql_servers</c>; <see cref="Comment"/> holds the node's pod name.</summary>
internal sealed record ServerRow(int Hostgroup, string Hostname, int Port, string Status, string Comment)
{
    public const string Online = "ONLINE";
    public const string OfflineSoft = "OFFLINE_SOFT";
    public const string Shunned = "SHUNNED";

    public string Address => $"{Hostname}:{Port}";
}
