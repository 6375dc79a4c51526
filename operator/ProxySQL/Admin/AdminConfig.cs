using BackendStack.Operator.ProxySQLs.Builders;

namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>
/// ProxySQL's routing configuration as the operator manages it: desired (from the spec and the cluster) or observed
/// (from one pod's runtime tables). <see cref="QueryRules"/> is null in a desired configuration whose rules are invalid:
/// the rules in force then stay.
/// </summary>
internal sealed record AdminConfig(
    IReadOnlyList<ServerRow> Servers,
    IReadOnlyList<GaleraHostgroupsRow> GaleraHostgroups,
    IReadOnlyList<UserRow> Users,
    IReadOnlyList<QueryRuleRow>? QueryRules,
    IReadOnlyDictionary<string, string> Variables)
{
    public static readonly AdminConfig Empty = new([], [], [], [], new Dictionary<string, string>());
}
