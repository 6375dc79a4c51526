using BackendStack.Operator.Api;
using BackendStack.Operator.ProxySQLs.Admin;
using BackendStack.Operator.ProxySQLs.Builders;
using BackendStack.Operator.RedisFailovers.Status;

namespace BackendStack.Operator.ProxySQLs.Status;

/// <summary>
/// The status of a ProxySQL as a pure function of one reconcile: <c>backends</c> from a configured pod's
/// <c>runtime_mysql_servers</c> (host is the node's pod), <c>writer</c> (the ONLINE node of the writer hostgroup),
/// <c>endpoint</c> (the client Service); Ready when every pod is Ready and configured and a writer is ONLINE,
/// Progressing while pods start or take their configuration or the monitor has yet to choose the writer, Degraded for an invalid spec or no writer.
/// </summary>
internal static class ProxySqlStatusCalculator
{
    public static ProxySQLStatus Compute(ProxySqlStatusInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resource = input.Resource;
        var names = new ProxySqlNames(resource.Metadata.Name);
        var replicas = resource.Spec.Replicas;
        var conditions = new Conditions(resource.Status?.Conditions, resource.Metadata.Generation, input.Now);
        var writers = input.Servers.Where(s => s.Hostgroup == ProxySqlHostgroups.Writer && s.Status == ServerRow.Online).Select(Host).Order(StringComparer.Ordinal).ToList();
        var lacking = Enumerable.Range(0, replicas).Select(names.Pod)
            .Select(pod => (pod, state: input.Pods.FirstOrDefault(p => p.Pod == pod)))
            .Where(p => p.state is not { Ready: true, Configured: true })
            .Select(p => $"{p.pod} {(p.state is null ? "does not exist yet" : !p.state.Ready ? "is not ready" : p.state.Problem ?? "is being configured")}")
            .ToList();
        var errors = string.Join("; ", input.Errors);
        var noWriter = input.Servers.Count > 0 && writers.Count == 0;
        // Right after a LOAD every node is in the writer hostgroup until ProxySQL's Galera monitor keeps max_writers of them.
        var settling = writers.Count > resource.Spec.Writers.MaxWriters;
        if (settling)
        {
            lacking.Add($"ProxySQL's Galera monitor has yet to choose {resource.Spec.Writers.MaxWriters} of {writers.Count} writers");
        }

        var ready = input.Errors.Count == 0 && input.Waiting is null && lacking.Count == 0 && writers.Count > 0;
        conditions.Set(ConditionTypes.Ready, ready,
            ready ? ProxySqlReasons.Configured : input.Errors.Count > 0 ? ConditionReasons.InvalidSpec : input.Waiting is not null ? ProxySqlReasons.Waiting
                : lacking.Count > 0 ? ProxySqlReasons.PodsNotConfigured : ProxySqlReasons.NoWriter,
            ready ? $"{replicas} pods configured; writer {string.Join(", ", writers)}"
                : input.Errors.Count > 0 ? errors
                : input.Waiting ?? (lacking.Count > 0 ? string.Join("; ", lacking) : NoWriterMessage(input.Servers)));
        var progressing = input.Errors.Count == 0 && input.Waiting is null && lacking.Count > 0;
        conditions.Set(ConditionTypes.Progressing, progressing, progressing ? ProxySqlReasons.Configuring : ProxySqlReasons.Stable,
            progressing ? string.Join("; ", lacking) : "nothing to change");
        var (degraded, reason, message) = input.Errors.Count > 0 ? (true, ConditionReasons.InvalidSpec, errors)
            : noWriter ? (true, ProxySqlReasons.NoWriter, NoWriterMessage(input.Servers))
            : (false, ProxySqlReasons.Healthy, "no problem found");
        conditions.Set(ConditionTypes.Degraded, degraded, reason, message);
        return new ProxySQLStatus
        {
            ObservedGeneration = resource.Metadata.Generation,
            Phase = ready ? Phase.Ready : degraded ? Phase.Degraded : input.Pods.Count == 0 ? Phase.Pending : Phase.Provisioning,
            Backends = [.. input.Servers.Select(s => new ProxySQLBackendStatus { Host = Host(s), Hostgroup = s.Hostgroup, Status = s.Status })],
            Writer = writers.Count > 0 ? string.Join(",", writers) : null,
            Endpoint = names.Endpoint(resource.Metadata.NamespaceProperty),
            Conditions = conditions.List,
        };
    }

    private static string Host(ServerRow server) => server.Comment.Length > 0 ? server.Comment : server.Hostname;

    private static string NoWriterMessage(IReadOnlyList<ServerRow> servers) =>
        "no writer: " + (servers.Count == 0 ? "no backend configured"
            : string.Join(", ", servers.GroupBy(Host, StringComparer.Ordinal).Select(g => $"{g.Key} {string.Join("/", g.Select(s => $"{s.Status} in {s.Hostgroup}"))}")));
}
