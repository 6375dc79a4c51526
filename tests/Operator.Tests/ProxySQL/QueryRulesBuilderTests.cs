using BackendStack.Operator.Api;
using BackendStack.Operator.ProxySQLs.Builders;

namespace BackendStack.Tests.ProxySQLPolicy;

public sealed class QueryRulesBuilderTests
{
    [Fact]
    public void ReadWriteSplitSendsLockingReadsToTheWriterBeforeOtherSelectsToTheReaders()
    {
        var result = QueryRulesBuilder.Build(new ProxySQLSpec());

        Assert.True(result.IsValid);
        Assert.Equal([QueryRulesBuilder.ForUpdateRuleId, QueryRulesBuilder.SelectRuleId], result.Rows.Select(r => r.RuleId));
        Assert.Equal(ProxySqlHostgroups.Writer, result.Rows[0].DestinationHostgroup);
        Assert.Equal(ProxySqlHostgroups.Reader, result.Rows[1].DestinationHostgroup);
    }

    [Fact]
    public void WithoutReadWriteSplitOnlyTheUsersRulesAreWanted()
    {
        var spec = new ProxySQLSpec
        {
            ReadWriteSplit = false,
            QueryRules = [new ProxySQLQueryRule { RuleId = 1000, MatchDigest = "^UPDATE", Destination = QueryDestination.Writer }],
        };

        var result = QueryRulesBuilder.Build(spec);

        var row = Assert.Single(result.Rows);
        Assert.Equal(1000, row.RuleId);
        Assert.Equal(ProxySqlHostgroups.Writer, row.DestinationHostgroup);
    }

    [Fact]
    public void AnInvalidRuleNamesItsFieldAndYieldsNoRows()
    {
        var spec = new ProxySQLSpec
        {
            QueryRules =
            [
                new ProxySQLQueryRule { RuleId = 1000, MatchPattern = "^SELECT" },
                new ProxySQLQueryRule { RuleId = 1001, MatchPattern = "([unclosed" },
            ],
        };

        var result = QueryRulesBuilder.Build(spec);

        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.queryRules[1].matchPattern", error.Field);
    }

    [Fact]
    public void ReservedAndDuplicateIdsAreRejected()
    {
        var spec = new ProxySQLSpec
        {
            QueryRules =
            [
                new ProxySQLQueryRule { RuleId = 5, MatchPattern = "a" },
                new ProxySQLQueryRule { RuleId = 1000, MatchPattern = "b" },
                new ProxySQLQueryRule { RuleId = 1000, MatchDigest = "c" },
            ],
        };

        var result = QueryRulesBuilder.Build(spec);

        Assert.Equal(["spec.queryRules[0].ruleId", "spec.queryRules[2].ruleId"], result.Errors.Select(e => e.Field));
    }
}
