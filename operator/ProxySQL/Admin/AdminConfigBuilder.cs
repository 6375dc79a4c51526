using BackendStack.Operator.Api;
using BackendStack.Operator.ProxySQLs.Builders;

namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>
/// The desired admin configuration, a pure function of the spec and what the cluster holds: every node in the writer
/// hostgroup (ProxySQL's Galera monitor spreads them over writer, backup writer, reader and offline), one
/// <c>mysql_galera_hostgroups</c> row, the cluster's users with the writer as default hostgroup and persistent
/// transactions, the query rules of <see cref="QueryRulesBuilder"/> and <see cref="ProxySqlVariables"/>.
/// </summary>
internal static class AdminConfigBuilder
{
    public const int BackendPort = 3306;

    public static AdminConfig Build(
        ProxySQLSpec spec, IEnumerable<BackendNode> nodes, IEnumerable<(string User, string Password)> users, string monitorPassword, QueryRulesResult rules)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rules);
        var servers = nodes
            .OrderBy(n => n.Pod, StringComparer.Ordinal)
            .Select(n => new ServerRow(ProxySqlHostgroups.Writer, n.Host, BackendPort, n.TakeOut ? ServerRow.OfflineSoft : ServerRow.Online, n.Pod))
            .ToList();
        var galera = new GaleraHostgroupsRow(
            ProxySqlHostgroups.Writer, ProxySqlHostgroups.BackupWriter, ProxySqlHostgroups.Reader, ProxySqlHostgroups.Offline,
            Active: true, spec.Writers.MaxWriters, spec.Writers.WriterIsAlsoReader ? 1 : 0, spec.MaxTransactionsBehind);
        var userRows = users
            .OrderBy(u => u.User, StringComparer.Ordinal)
            .Select(u => new UserRow(u.User, u.Password, ProxySqlHostgroups.Writer, TransactionPersistent: true, Active: true))
            .ToList();
        return new AdminConfig(servers, [galera], userRows, rules.IsValid ? rules.Rows : null, ProxySqlVariables.Desired(spec, monitorPassword));
    }
}
