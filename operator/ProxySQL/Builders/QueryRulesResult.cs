namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>The desired <c>mysql_query_rules</c>, or the errors that keep the rules in force unchanged.</summary>
internal sealed record QueryRulesResult(IReadOnlyList<QueryRuleRow> Rows, IReadOnlyList<ProxySqlSpecError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
