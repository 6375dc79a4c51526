using BackendStack.Operator.ProxySQLs.Admin;
using BackendStack.Operator.ProxySQLs.Status;
using BackendStack.Operator.Runtime;
using k8s.Models;
using MySqlConnector;

namespace BackendStack.Operator.ProxySQLs;

/// <summary>
/// Brings each ProxySQL pod's runtime configuration to the desired one: reads its runtime tables, writes only the modules
/// that differ (<see cref="AdminDiff"/>), then reads them back to confirm. A pod whose tables already match is only read.
/// Each pod's connection pool statistics go to <c>observePool</c> (the metrics).
/// </summary>
internal sealed class ProxySqlConfigurer(ProxySqlSession session, string operatorPassword, Action<string, IReadOnlyList<PoolRow>> observePool)
{
    /// <summary>Each pod's state, the servers one configured pod runs with, and the modules written (by pod).</summary>
    public async Task<(IReadOnlyList<ProxySqlPodState> Pods, IReadOnlyList<ServerRow> Servers, IReadOnlyList<string> Written)> RunAsync(
        IReadOnlyList<V1Pod> pods, AdminConfig desired, CancellationToken cancellationToken)
    {
        var states = new List<ProxySqlPodState>();
        var written = new List<string>();
        IReadOnlyList<ServerRow>? servers = null;
        foreach (var pod in pods)
        {
            var name = pod.Metadata.Name;
            var ready = PodReadiness.IsReady(pod);
            if (pod.Status?.PodIP is not { Length: > 0 } ip)
            {
                states.Add(new ProxySqlPodState(name, ready, false, "has no IP yet"));
                continue;
            }

            try
            {
                var client = session.Client(ip, operatorPassword);
                var observed = await client.ReadAsync(cancellationToken).ConfigureAwait(false);
                var plan = AdminDiff.Plan(desired, observed);
                if (plan.Count > 0)
                {
                    await client.ApplyAsync(plan, cancellationToken).ConfigureAwait(false);
                    written.AddRange(plan.Select(m => $"{name} {m}"));
                    observed = await client.ReadAsync(cancellationToken).ConfigureAwait(false);
                    plan = AdminDiff.Plan(desired, observed);
                }

                var configured = plan.Count == 0;
                states.Add(new ProxySqlPodState(name, ready, configured, configured ? null : "still differs after writing: " + string.Join("; ", plan)));
                if (configured)
                {
                    servers ??= observed.Servers;
                }
            }
            catch (Exception e) when (IsConnectionProblem(e))
            {
                states.Add(new ProxySqlPodState(name, ready, false, $"admin interface: {e.Message}"));
                continue;
            }

            try
            {
                observePool(name, await session.Client(ip, operatorPassword).ReadPoolAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (IsConnectionProblem(e))
            {
                // Metrics only: the next check reads them again.
            }
        }

        return (states, servers ?? [], written);
    }

    private static bool IsConnectionProblem(Exception e) => e is MySqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException;
}
