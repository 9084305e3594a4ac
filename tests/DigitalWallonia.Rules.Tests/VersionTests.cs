using System.Text.Json;

namespace DigitalWallonia.Rules.Tests;

public class VersionTests
{
    private static RuleSet Version(int version, string? from, string? to = null, int? supersedes = null, string expression = "true")
    {
        var json = $$"""
            { "WorkflowName": "Grant", "Version": {{version}}, {{(from is null ? "" : $"\"ValidFrom\": \"{from}\",")}}
              {{(to is null ? "" : $"\"ValidTo\": \"{to}\",")}} {{(supersedes is null ? "" : $"\"Supersedes\": {supersedes},")}}
              "Rules": [ { "RuleName": "R", "Expression": "{{expression}}" } ] }
            """;
        var loaded = RuleSetLoader.LoadText(json, $"v{version}.json");
        Assert.Empty(loaded.Diagnostics);
        return loaded.RuleSets[0];
    }

    [Fact]
    public void The_version_in_force_is_the_latest_that_started_on_or_before_the_date()
    {
        var registry = new RuleSetRegistry();
        Assert.Empty(registry.Add(Version(1, "2024-01-01")));
        Assert.Empty(registry.Add(Version(2, "2025-01-01")));
        Assert.Null(registry.Resolve("Grant", new DateOnly(2023, 12, 31)));
        Assert.Equal(1, registry.Resolve("Grant", new DateOnly(2024, 12, 31))!.Version);
        Assert.Equal(2, registry.Resolve("Grant", new DateOnly(2025, 1, 1))!.Version);
    }

    [Fact]
    public void ValidTo_retires_a_rule_set_after_that_day()
    {
        var registry = new RuleSetRegistry();
        registry.Add(Version(1, "2024-01-01", "2024-12-31"));
        Assert.Equal(1, registry.Resolve("Grant", new DateOnly(2024, 12, 31))!.Version);
        Assert.Null(registry.Resolve("Grant", new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Two_versions_for_the_same_period_without_Supersedes_are_refused()
    {
        var registry = new RuleSetRegistry();
        registry.Add(Version(1, "2024-01-01"));
        var d = Assert.Single(registry.Add(Version(2, "2024-01-01")));
        Assert.Equal("DW1044", d.Code);
        Assert.Equal("v2.json", d.File);
        Assert.Equal((1, 1), (d.Line, d.Column));
        Assert.Contains("Supersedes", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_that_supersedes_a_version_replaces_it_for_its_period()
    {
        var registry = new RuleSetRegistry();
        registry.Add(Version(1, "2024-01-01"));
        Assert.Empty(registry.Add(Version(2, "2024-01-01", supersedes: 1, expression: "false")));
        Assert.Equal(2, registry.Resolve("Grant", new DateOnly(2024, 6, 1))!.Version);
    }

    [Fact]
    public void A_published_version_number_cannot_be_registered_twice()
        => Assert.Equal("DW1048", Assert.Single(new RuleSetRegistry() is var r && r.Add(Version(1, "2024-01-01")).Count == 0 ? r.Add(Version(1, "2025-01-01")) : []).Code);

    [Fact]
    public void Supersedes_must_name_an_existing_version()
        => Assert.Equal("DW1047", Assert.Single(new RuleSetRegistry().Add(Version(3, "2024-01-01", supersedes: 9))).Code);

    [Fact]
    public void A_retired_version_overlapping_the_next_one_is_refused()
    {
        var registry = new RuleSetRegistry();
        registry.Add(Version(1, "2024-01-01", "2025-06-30"));
        Assert.Equal("DW1044", Assert.Single(registry.Add(Version(2, "2025-01-01"))).Code);
    }

    [Fact]
    public void The_guard_evaluation_reports_the_version_used()
    {
        var registry = new RuleSetRegistry();
        registry.Add(Version(1, "2024-01-01", expression: "true"));
        registry.Add(Version(2, "2025-01-01", expression: "false"));
        using var facts = JsonDocument.Parse("{}");
        var early = registry.Evaluate("Grant", new DateOnly(2024, 5, 1), facts.RootElement);
        var late = registry.Evaluate("Grant", new DateOnly(2025, 5, 1), facts.RootElement);
        Assert.True(early.Passed);
        Assert.Equal(1, early.Version);
        Assert.False(late.Passed);
        Assert.Equal(2, late.Version);
    }

    [Fact]
    public void The_guard_evaluation_returns_success_events_outputs_and_explanations()
    {
        var json = """
            { "WorkflowName": "Guard", "ValidFrom": "2024-01-01",
              "Rules": [ { "RuleName": "Small", "SuccessEvent": "eligible", "Expression": "c.n < 10" } ],
              "Outputs": [ { "Name": "amount", "Type": "money", "Expression": "c.n * 10.005" } ] }
            """;
        var registry = new RuleSetRegistry();
        registry.Add(RuleSetLoader.LoadText(json).RuleSets[0]);
        var facts = new System.Text.Json.Nodes.JsonObject { ["c"] = new System.Text.Json.Nodes.JsonObject { ["n"] = 3 } };
        var r = registry.Evaluate("Guard", new DateOnly(2024, 2, 1), facts, explain: true);
        Assert.True(r.Passed);
        Assert.Equal(["eligible"], r.SuccessEvents);
        Assert.Equal(30.02m, r.Outputs["amount"]!.GetValue<decimal>());
        Assert.Equal("c.n = 3, expected < 10", r.Results[0].Explanation!.En);
    }

    [Fact]
    public void Evaluating_a_rule_set_with_no_version_in_force_says_so()
    {
        using var facts = JsonDocument.Parse("{}");
        var r = new RuleSetRegistry().Evaluate("Nope", new DateOnly(2024, 5, 1), facts.RootElement);
        Assert.False(r.Passed);
        Assert.Contains("no version", r.InputError, StringComparison.Ordinal);
    }
}
