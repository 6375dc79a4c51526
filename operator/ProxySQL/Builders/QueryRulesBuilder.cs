using System.Text.RegularExpressions;
using BackendStack.Operator.Api;

namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>
/// Builds the desired <c>mysql_query_rules</c>: the user's rules (ids from 1000) first, then the
/// read/write split rules (FOR UPDATE to the writer, other SELECTs to the readers). Any invalid user rule
/// makes the whole result invalid, so the rules in force stay as they are.
/// </summary>
internal static class QueryRulesBuilder
{
    public const int ForUpdateRuleId = 900;
    public const int SelectRuleId = 910;

    public static QueryRulesResult Build(ProxySQLSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rows = new List<QueryRuleRow>();
        var errors = new List<ProxySqlSpecError>();
        var seen = new HashSet<int>();
        var rules = spec.QueryRules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var field = $"spec.queryRules[{i}]";
            if (rule.RuleId < 1000)
            {
                errors.Add(new(field + ".ruleId", $"{rule.RuleId} is below 1000; ids below 1000 are reserved"));
            }
            else if (!seen.Add(rule.RuleId))
            {
                errors.Add(new(field + ".ruleId", $"{rule.RuleId} is used by an earlier rule"));
            }

            if (rule.MatchDigest is null && rule.MatchPattern is null)
            {
                errors.Add(new(field, "needs matchDigest or matchPattern"));
            }

            CheckRegex(rule.MatchDigest, field + ".matchDigest", errors);
            CheckRegex(rule.MatchPattern, field + ".matchPattern", errors);
            rows.Add(new QueryRuleRow(
                rule.RuleId, rule.Active, rule.Username, rule.SchemaName, rule.MatchDigest, rule.MatchPattern,
                Hostgroup(rule.Destination), rule.CacheTtlMilliseconds, rule.Apply, rule.Comment));
        }

        if (spec.ReadWriteSplit)
        {
            rows.Add(new QueryRuleRow(ForUpdateRuleId, true, null, null, null, @"^SELECT.*FOR UPDATE",
                ProxySqlHostgroups.Writer, null, true, "read/write split: locking reads to the writer"));
            rows.Add(new QueryRuleRow(SelectRuleId, true, null, null, null, "^SELECT",
                ProxySqlHostgroups.Reader, null, true, "read/write split: reads to the readers"));
        }

        return errors.Count == 0 ? new(rows, errors) : new([], errors);
    }

    private static int? Hostgroup(QueryDestination? destination) => destination switch
    {
        QueryDestination.Writer => ProxySqlHostgroups.Writer,
        QueryDestination.Reader => ProxySqlHostgroups.Reader,
        _ => null,
    };

    private static void CheckRegex(string? pattern, string field, List<ProxySqlSpecError> errors)
    {
        if (pattern is null)
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            errors.Add(new(field, $"not a valid regular expression: {e.Message}"));
        }
    }
}
