using BackendStack.Operator.ProxySQLs.Admin;
using BackendStack.Operator.ProxySQLs.Builders;

namespace BackendStack.Operator.ProxySQLs.Status;

/// <summary>
/// Everything the status is computed from: the resource, spec errors, why the operator waits (e.g. no cluster yet), each
/// pod's state and one configured pod's <c>runtime_mysql_servers</c>.
/// </summary>
internal sealed record ProxySqlStatusInput(
    Api.ProxySQL Resource,
    IReadOnlyList<ProxySqlSpecError> Errors,
    string? Waiting,
    IReadOnlyList<ProxySqlPodState> Pods,
    IReadOnlyList<ServerRow> Servers,
    DateTime Now);
