using System.Globalization;
using MySqlConnector;

namespace BackendStack.Operator.DataPlane.Galera;

/// <summary>
/// Talks to one Galera node over MySQL's protocol (MySqlConnector, pooled): reads its wsrep status variables and runs
/// the statements the operator decided. Short timeouts: a node that does not answer within a second is reported as
/// unreachable, never waited on.
/// </summary>
internal sealed class GaleraNodeClient(string host, int port)
{
    private static readonly string[] Variables =
    [
        "wsrep_local_state_comment", "wsrep_cluster_size", "wsrep_cluster_status", "wsrep_ready", "wsrep_last_committed",
        "wsrep_cluster_state_uuid", "wsrep_flow_control_paused", "wsrep_local_recv_queue", "wsrep_gcomm_uuid",
    ];

    private static readonly string StatusQuery =
        "SHOW GLOBAL STATUS WHERE Variable_name IN (" + string.Join(", ", Variables.Select(v => $"'{v}'")) + ")";

    public string Host => host;

    public async Task<GaleraNodeState> ReadStateAsync(GaleraCredentials credentials, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(credentials, cancellationToken).ConfigureAwait(false);
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            await using (var command = new MySqlCommand(StatusQuery, connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    values[reader.GetString(0)] = reader.GetString(1);
                }
            }

            return new GaleraNodeState(
                Get(values, "wsrep_local_state_comment"),
                Get(values, "wsrep_cluster_size") is { } size && int.TryParse(size, CultureInfo.InvariantCulture, out var s) ? s : null,
                Get(values, "wsrep_cluster_status"),
                Get(values, "wsrep_ready") is { } ready ? ready == "ON" : null,
                Get(values, "wsrep_last_committed") is { } committed && long.TryParse(committed, CultureInfo.InvariantCulture, out var c) ? c : null,
                Get(values, "wsrep_cluster_state_uuid"),
                Get(values, "wsrep_flow_control_paused") is { } paused && double.TryParse(paused, CultureInfo.InvariantCulture, out var p) ? p : null,
                Get(values, "wsrep_local_recv_queue") is { } queue && long.TryParse(queue, CultureInfo.InvariantCulture, out var q) ? q : null,
                Get(values, "wsrep_gcomm_uuid"));
        }
        catch (Exception e) when (e is MySqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            var refused = e.GetBaseException() is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused };
            return GaleraNodeState.Unreachable(e is MySqlException { ErrorCode: MySqlErrorCode.AccessDenied } ? AccessDenied : e.Message, refused);
        }
    }

    /// <summary>The <see cref="GaleraNodeState.Error"/> of a node that answered but refused the login.</summary>
    public const string AccessDenied = "access denied";

    /// <summary>Rows of a query with up to two string columns (system tables the user plan reads).</summary>
    public async Task<IReadOnlyList<(string First, string? Second)>> QueryAsync(GaleraCredentials credentials, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(credentials, cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(string, string?)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetString(0), reader.FieldCount > 1 && !reader.IsDBNull(1) ? reader.GetString(1) : null));
        }

        return rows;
    }

    /// <summary>Runs one statement; <paramref name="parameters"/> are bound by MySqlConnector (passwords are never spliced into text).</summary>
    public async Task ExecuteAsync(GaleraCredentials credentials, string sql, IReadOnlyDictionary<string, string>? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(credentials, cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<MySqlConnection> OpenAsync(GaleraCredentials credentials, CancellationToken cancellationToken)
    {
        var builder = new MySqlConnectionStringBuilder
        {
            Server = host,
            Port = (uint)port,
            UserID = credentials.User,
            Password = credentials.Password,
            ConnectionTimeout = 1,
            DefaultCommandTimeout = 5,
            SslMode = MySqlSslMode.None,
            AllowPublicKeyRetrieval = true,
            MaximumPoolSize = 4,
            ConnectionIdleTimeout = 60,
        };
        var connection = new MySqlConnection(builder.ConnectionString);
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

    private static string? Get(Dictionary<string, string> values, string name) => values.TryGetValue(name, out var value) ? value : null;
}
