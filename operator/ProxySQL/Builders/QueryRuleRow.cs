namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>One desired row of ProxySQL's <c>mysql_query_rules</c>.</summary>
internal sealed record QueryRuleRow(
    int RuleId,
    bool Active,
    string? Username,
    string? SchemaName,
    string? MatchDigest,
    string? MatchPattern,
    int? DestinationHostgroup,
    int? CacheTtlMilliseconds,
    bool Apply,
    string? Comment);
