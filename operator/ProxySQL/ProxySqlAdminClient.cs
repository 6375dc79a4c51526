using System.Globalization;
using BackendStack.Operator.ProxySQLs.Admin;
using BackendStack.Operator.ProxySQLs.Builders;
using MySqlConnector;

namespace BackendStack.Operator.ProxySQLs;

/// <summary>
/// The side effects on one ProxySQL pod's admin interface (MySqlConnector on 6032, as the operator's own admin login):
/// reads the runtime tables the operator manages and runs a plan's statements. The admin interface refuses
/// COM_RESET_CONNECTION, so pooled connections are reused without a reset. Short timeouts: a pod that does not answer
/// within a second is reported, never waited on.
/// </summary>
internal sealed class ProxySqlAdminClient(string host, string password)
{
    public string Host => host;

    public async Task<AdminConfig> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var servers = await RowsAsync(connection, "SELECT hostgroup_id, hostname, port, status, comment FROM runtime_mysql_servers", r =>
            new ServerRow(Int(r, 0), Text(r, 1) ?? "", Int(r, 2), Text(r, 3) ?? "", Text(r, 4) ?? ""), cancellationToken).ConfigureAwait(false);
        var galera = await RowsAsync(connection,
            "SELECT writer_hostgroup, backup_writer_hostgroup, reader_hostgroup, offline_hostgroup, active, max_writers, writer_is_also_reader, max_transactions_behind FROM runtime_mysql_galera_hostgroups",
            r => new GaleraHostgroupsRow(Int(r, 0), Int(r, 1), Int(r, 2), Int(r, 3), Int(r, 4) != 0, Int(r, 5), Int(r, 6), Int(r, 7)), cancellationToken).ConfigureAwait(false);
        var users = await RowsAsync(connection, "SELECT username, password, default_hostgroup, transaction_persistent, active FROM runtime_mysql_users", r =>
            new UserRow(Text(r, 0) ?? "", Text(r, 1) ?? "", Int(r, 2), Int(r, 3) != 0, Int(r, 4) != 0), cancellationToken).ConfigureAwait(false);
        var rules = await RowsAsync(connection,
            "SELECT rule_id, active, username, schemaname, match_digest, match_pattern, destination_hostgroup, cache_ttl, apply, comment FROM runtime_mysql_query_rules ORDER BY rule_id",
            r => new QueryRuleRow(Int(r, 0), Int(r, 1) != 0, Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), NullableInt(r, 6), NullableInt(r, 7), Int(r, 8) != 0, Text(r, 9)),
            cancellationToken).ConfigureAwait(false);
        var variables = await RowsAsync(connection, "SELECT variable_name, variable_value FROM runtime_global_variables WHERE variable_name LIKE 'mysql-%'",
            r => (Name: Text(r, 0) ?? "", Value: Text(r, 1) ?? ""), cancellationToken).ConfigureAwait(false);
        return new AdminConfig(
            [.. servers.OrderBy(s => s.Comment, StringComparer.Ordinal).ThenBy(s => s.Hostgroup)], galera, users, rules,
            variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
    }

    /// <summary>The pod's connection pool per backend and hostgroup (<c>stats_mysql_connection_pool</c>), for the metrics.</summary>
    public async Task<IReadOnlyList<PoolRow>> ReadPoolAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await RowsAsync(connection, "SELECT hostgroup, srv_host, ConnUsed, ConnFree, ConnERR, Queries, Latency_us FROM stats_mysql_connection_pool", r =>
            new PoolRow(Int(r, 0), Text(r, 1) ?? "", Long(r, 2), Long(r, 3), Long(r, 4), Long(r, 5), Long(r, 6)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs each module's statements in order, on one connection.</summary>
    public async Task ApplyAsync(IReadOnlyList<AdminModule> plan, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in plan.SelectMany(m => m.Statements))
        {
            await using var command = new MySqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = host,
            Port = ProxySqlNames.AdminPort,
            UserID = ProxySqlNames.OperatorUser,
            Password = password,
            ConnectionTimeout = 1,
            DefaultCommandTimeout = 5,
            SslMode = MySqlSslMode.None,
            ConnectionReset = false,
            MaximumPoolSize = 2,
            ConnectionIdleTimeout = 60,
        }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<List<T>> RowsAsync<T>(MySqlConnection connection, string sql, Func<MySqlDataReader, T> row, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private static string? Text(MySqlDataReader reader, int i) =>
        reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static int Int(MySqlDataReader reader, int i) => NullableInt(reader, i) ?? 0;

    private static long Long(MySqlDataReader reader, int i) =>
        Text(reader, i) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static int? NullableInt(MySqlDataReader reader, int i) =>
        Text(reader, i) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
