namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>The hostgroup numbers of <c>mysql_galera_hostgroups</c> the operator configures.</summary>
internal static class ProxySqlHostgroups
{
    public const int Writer = 10;
    public const int BackupWriter = 20;
    public const int Reader = 30;
    public const int Offline = 9999;
}
