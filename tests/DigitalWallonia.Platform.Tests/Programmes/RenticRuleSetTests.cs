using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Rules;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>`dw rules check` and `dw rules test` over rules/rentic and rules/provider, so that CI catches a broken rule set.</summary>
public class RenticRuleSetTests
{
    public static TheoryData<string> Files() =>
    [
        .. new[] { "rentic", "provider" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(TestContent.RepositoryRoot(), "rules", folder), "*.json"))
            .Select(path => Path.GetRelativePath(Path.Combine(TestContent.RepositoryRoot(), "rules"), path))
            .Order(StringComparer.Ordinal),
    ];

    [Theory, MemberData(nameof(Files))]
    public void The_rule_set_checks_clean_and_its_ten_or_more_embedded_tests_pass(string file)
    {
        var loaded = RuleSetLoader.LoadFile(Path.Combine(TestContent.RepositoryRoot(), "rules", file));
        var engine = new RuleEngine();

        var diagnostics = loaded.Diagnostics.Concat(loaded.RuleSets.SelectMany(engine.Check)).Select(d => d.ToString()).ToList();
        var outcomes = loaded.RuleSets.SelectMany(set => RuleSetTests.Run(engine, set)).ToList();

        Assert.Empty(diagnostics);
        Assert.True(outcomes.Count >= 10, $"{file} has {outcomes.Count} embedded tests; at least 10 are expected.");
        Assert.Empty(outcomes.Where(o => o.Failures.Count > 0).Select(o => $"{o.Name}: {string.Join("; ", o.Failures)}"));
    }
}
