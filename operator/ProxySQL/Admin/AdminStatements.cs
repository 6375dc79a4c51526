using BackendStack.Operator.ProxySQLs.Builders;

namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>The admin statements that replace one module's configuration with the desired rows, then load and save it.</summary>
internal static class AdminStatements
{
    public static IReadOnlyList<string> Servers(AdminConfig desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var statements = new List<string> { "DELETE FROM mysql_servers", "DELETE FROM mysql_galera_hostgroups" };
        statements.AddRange(desired.Servers.Select(s =>
            $"INSERT INTO mysql_servers (hostgroup_id, hostname, port, status, comment) VALUES ({SqlText.Number(s.Hostgroup)}, {SqlText.Quote(s.Hostname)}, "
            + $"{SqlText.Number(s.Port)}, {SqlText.Quote(s.Status)}, {SqlText.Quote(s.Comment)})"));
        statements.AddRange(desired.GaleraHostgroups.Select(g =>
            "INSERT INTO mysql_galera_hostgroups (writer_hostgroup, backup_writer_hostgroup, reader_hostgroup, offline_hostgroup, active, max_writers, "
            + $"writer_is_also_reader, max_transactions_behind) VALUES ({SqlText.Number(g.WriterHostgroup)}, {SqlText.Number(g.BackupWriterHostgroup)}, "
            + $"{SqlText.Number(g.ReaderHostgroup)}, {SqlText.Number(g.OfflineHostgroup)}, {SqlText.Flag(g.Active)}, {SqlText.Number(g.MaxWriters)}, "
            + $"{SqlText.Number(g.WriterIsAlsoReader)}, {SqlText.Number(g.MaxTransactionsBehind)})"));
        return Finish(statements, "MYSQL SERVERS");
    }

    public static IReadOnlyList<string> Users(IReadOnlyList<UserRow> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var statements = new List<string> { "DELETE FROM mysql_users" };
        statements.AddRange(users.Select(u =>
            $"INSERT INTO mysql_users (username, password, default_hostgroup, transaction_persistent, active) VALUES ({SqlText.Quote(u.Username)}, "
            + $"{SqlText.Quote(u.Password)}, {SqlText.Number(u.DefaultHostgroup)}, {SqlText.Flag(u.TransactionPersistent)}, {SqlText.Flag(u.Active)})"));
        return Finish(statements, "MYSQL USERS");
    }

    public static IReadOnlyList<string> QueryRules(IReadOnlyList<QueryRuleRow> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var statements = new List<string> { "DELETE FROM mysql_query_rules" };
        statements.AddRange(rules.Select(r =>
            "INSERT INTO mysql_query_rules (rule_id, active, username, schemaname, match_digest, match_pattern, destination_hostgroup, cache_ttl, apply, comment) "
            + $"VALUES ({SqlText.Number(r.RuleId)}, {SqlText.Flag(r.Active)}, {SqlText.Quote(r.Username)}, {SqlText.Quote(r.SchemaName)}, {SqlText.Quote(r.MatchDigest)}, "
            + $"{SqlText.Quote(r.MatchPattern)}, {SqlText.Number(r.DestinationHostgroup)}, {SqlText.Number(r.CacheTtlMilliseconds)}, {SqlText.Flag(r.Apply)}, {SqlText.Quote(r.Comment)})"));
        return Finish(statements, "MYSQL QUERY RULES");
    }

    public static IReadOnlyList<string> Variables(IReadOnlyDictionary<string, string> variables, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var statements = names.Select(n => $"UPDATE global_variables SET variable_value = {SqlText.Quote(variables[n])} WHERE variable_name = {SqlText.Quote(n)}").ToList();
        return Finish(statements, "MYSQL VARIABLES");
    }

    private static List<string> Finish(List<string> statements, string module)
    {
        statements.Add($"LOAD {module} TO RUNTIME");
        statements.Add($"SAVE {module} TO DISK");
        return statements;
    }
}
