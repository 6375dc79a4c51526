using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Tests.Kubectl;
using BackendStack.Emulator.Validation;

namespace BackendStack.Emulator.Tests.Semantics;

/// <summary>x-kubernetes-validations evaluated with the Cel package: the project's own rules and the common forms.</summary>
public sealed class CelRuleTests
{
    [Fact]
    public void EveryRuleInTheProjectsCrdsCanBeEvaluated()
    {
        var rules = Directory.GetFiles(Path.Combine(RepositoryManifestTests.RepositoryRoot(), "crds"), "backendstack.io_*.yaml")
            .SelectMany(File.ReadAllLines)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("- rule: ", StringComparison.Ordinal))
            .Select(l => YamlScalar(l["- rule: ".Length..]))
            .ToList();
        Assert.NotEmpty(rules);
        var cel = new CelRules();
        Assert.All(rules, r => Assert.True(cel.Compiles(r), $"cannot evaluate: {r}"));
    }

    [Theory]
    [InlineData("self.minReplicas <= self.maxReplicas", """{"minReplicas":1,"maxReplicas":3}""", true)]
    [InlineData("self.minReplicas <= self.maxReplicas", """{"minReplicas":4,"maxReplicas":3}""", false)]
    [InlineData("has(self.a) && has(self.b)", """{"a":1}""", false)]
    [InlineData("self.role == 'worker' || has(self.port)", """{"role":"web","port":80}""", true)]
    [InlineData("self.size % 2 == 1 && self.size >= 3", """{"size":4}""", false)]
    [InlineData("self.s.matches('^[a-z]+$')", """{"s":"abc"}""", true)]
    [InlineData("self.s.matches('^[a-z]+$')", """{"s":"aB1"}""", false)]
    public void RulesEvaluateAgainstTheObject(string rule, string value, bool valid)
    {
        var schema = new JsonObject { ["type"] = "object", ["x-kubernetes-validations"] = new JsonArray(new JsonObject { ["rule"] = rule, ["message"] = "broken" }) };
        var errors = new List<FieldError>();
        new CelRules().Check(JsonNode.Parse(value), null, schema, "spec", errors);
        Assert.Equal(valid, errors.Count == 0);
    }

    private static string YamlScalar(string text) =>
        text.StartsWith('\'') ? text[1..^1].Replace("''", "'", StringComparison.Ordinal)
        : text.StartsWith('"') ? System.Text.Json.JsonSerializer.Deserialize<string>(text)! : text;
}
