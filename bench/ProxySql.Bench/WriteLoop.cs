using System.Diagnostics;
using MySqlConnector;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// A client writing one row every 10 ms through one proxy, as an application does: it keeps its connection while
/// writes succeed and opens a new one after a failure. Every attempt is recorded on the bench's shared clock.
/// </summary>
internal sealed class WriteLoop(string via, Func<Task<MySqlConnection>> connect, Stopwatch clock)
{
    private readonly List<WriteAttempt> attempts = [];
    private readonly Lock gate = new();

    public string Via => via;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        MySqlConnection? connection = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = clock.Elapsed;
            try
            {
                connection ??= await connect();
                await using var command = new MySqlCommand("INSERT INTO writes (via, node) VALUES (@via, @@wsrep_node_name)", connection);
                command.Parameters.AddWithValue("@via", via);
                await command.ExecuteNonQueryAsync(cancellationToken);
                Record(new WriteAttempt(started, clock.Elapsed, true, command.LastInsertedId));
            }
            catch (Exception e) when (e is MySqlException or InvalidOperationException or IOException)
            {
                Record(new WriteAttempt(started, clock.Elapsed, false, 0));
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await Task.Delay(10, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>The attempts started at or after <paramref name="at"/>.</summary>
    public List<WriteAttempt> Since(TimeSpan at)
    {
        lock (gate)
        {
            return [.. attempts.Where(a => a.Started >= at)];
        }
    }

    public List<long> Acknowledged()
    {
        lock (gate)
        {
            return [.. attempts.Where(a => a.Acknowledged).Select(a => a.Id)];
        }
    }

    private void Record(WriteAttempt attempt)
    {
        lock (gate)
        {
            attempts.Add(attempt);
        }
    }
}
