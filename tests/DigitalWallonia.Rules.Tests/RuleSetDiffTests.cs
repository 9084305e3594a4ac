namespace DigitalWallonia.Rules.Tests;

public class RuleSetDiffTests
{
    private const string Before = """
        { "WorkflowName": "premium", "Version": 1, "ValidFrom": "2024-01-01", "LegalBasis": "AGW 2024",
          "Inputs": { "cost": "decimal" },
          "Parameters": [ { "Name": "ceiling", "Values": [ { "ValidFrom": "2024-01-01", "Value": 50000, "LegalBasis": "AGW 2024" } ] } ],
          "Rules": [ { "RuleName": "Positive", "Expression": "cost > 0" }, { "RuleName": "Capped", "Expression": "cost <= params.ceiling" } ] }
        """;

    [Fact]
    public void Names_the_changed_condition_and_the_new_dated_value()
    {
        var after = Before.Replace("\"Version\": 1, \"ValidFrom\": \"2024-01-01\"", "\"Version\": 2, \"ValidFrom\": \"2026-01-01\"", StringComparison.Ordinal)
            .Replace("\"cost > 0\"", "\"cost >= 100\"", StringComparison.Ordinal)
            .Replace("\"Value\": 50000, \"LegalBasis\": \"AGW 2024\" }", "\"Value\": 50000, \"LegalBasis\": \"AGW 2024\" }, { \"ValidFrom\": \"2026-01-01\", \"Value\": 40000, \"LegalBasis\": \"AGW 2026\" }", StringComparison.Ordinal);

        var changes = RuleSetDiff.Between(RuleSetLoader.LoadText(Before).RuleSets[0], RuleSetLoader.LoadText(after).RuleSets[0]);

        Assert.Equal(
        [
            new RuleSetDiff.Change("ValidFrom", "2024-01-01", "2026-01-01"),
            new RuleSetDiff.Change("rule Positive: condition", "cost > 0", "cost >= 100"),
            new RuleSetDiff.Change("parameter ceiling from 2026-01-01", null, "40000"),
            new RuleSetDiff.Change("parameter ceiling from 2026-01-01: legal basis", null, "AGW 2026"),
        ], changes);
    }
}
