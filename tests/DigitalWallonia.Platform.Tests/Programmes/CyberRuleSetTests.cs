using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Rules;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>What `dw rules check` and `dw rules test` do over rules/cyber, so that CI catches a broken cyber rule set.</summary>
public class CyberRuleSetTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestContent.RepositoryRoot(), "rules", "cyber"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory, MemberData(nameof(Files))]
    public void The_cyber_rule_set_checks_without_diagnostics_and_its_ten_or_more_embedded_tests_pass(string file)
    {
        var loaded = RuleSetLoader.LoadFile(Path.Combine(TestContent.RepositoryRoot(), "rules", "cyber", file));
        var engine = new RuleEngine();
        var outcomes = loaded.RuleSets.SelectMany(set => RuleSetTests.Run(engine, set)).ToList();

        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        Assert.Empty(loaded.RuleSets.SelectMany(engine.Check).Select(d => d.ToString()));
        Assert.True(outcomes.Count >= 10, $"{file} has {outcomes.Count} embedded tests; at least 10 are expected.");
        Assert.Empty(outcomes.Where(o => o.Failures.Count > 0).Select(o => $"{o.Name}: {string.Join("; ", o.Failures)}"));
    }

    [Fact]
    public void The_five_cyber_rule_sets_are_shipped()
    {
        Assert.Equal(
            ["cyber-eligibility.json", "cyber-label.json", "cyber-premium.json", "cyber-professional-admissibility.json", "cyber-professional-listing.json"],
            Directory.EnumerateFiles(Path.Combine(TestContent.RepositoryRoot(), "rules", "cyber"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
