using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Rules;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// What `dw rules check` and `dw rules test` do over rules/label, plus the invariants of the label's dated data that no
/// rule expression can check: the charter's parts change on the same day, and the validity period says the same thing
/// in months (for validUntil) and as an ISO period (for the expiry deadline).
/// </summary>
public class LabelRuleSetTests
{
    public static TheoryData<string> Files() => new(Directory.EnumerateFiles(LabelRules(), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory, MemberData(nameof(Files))]
    public void The_label_rule_set_checks_and_its_ten_or_more_embedded_tests_pass(string file)
    {
        var loaded = RuleSetLoader.LoadFile(Path.Combine(LabelRules(), file));
        var engine = new RuleEngine();

        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        Assert.Empty(loaded.RuleSets.SelectMany(engine.Check).Select(d => d.ToString()));
        var outcomes = loaded.RuleSets.SelectMany(set => RuleSetTests.Run(engine, set)).ToList();
        Assert.True(outcomes.Count >= 10, $"{file} has {outcomes.Count} embedded tests; at least 10 are expected.");
        Assert.Empty(outcomes.Where(o => o.Failures.Count > 0).Select(o => $"{o.Name}: {string.Join("; ", o.Failures)}"));
    }

    [Fact]
    public void Every_charter_version_changes_its_name_and_its_commitments_on_the_same_day()
    {
        var parameters = Parameters("label-charter.json");

        var versions = ValidFroms(parameters["charterVersion"]);

        Assert.Equal(versions, ValidFroms(parameters["charter"]));
        Assert.Equal(versions.Count, parameters["charterVersion"].Select(v => v!["Value"]!.GetValue<string>()).Distinct().Count());
        Assert.All(parameters["charter"], v => Assert.Contains(v!["Value"]!.AsArray(), c => c!["key"]!.GetValue<string>() == "plan-priorities"));
    }

    [Fact]
    public void The_validity_in_months_and_the_expiry_period_agree_on_every_date()
    {
        var parameters = Parameters("label-validity.json");

        var months = parameters["validityMonths"].Select(v => (ValidFrom(v), $"P{v!["Value"]!.GetValue<int>()}M")).ToList();
        var period = parameters["labelValidity"].Select(v => (ValidFrom(v), v!["Value"]!.GetValue<string>())).ToList();

        Assert.Equal(months, period);
    }

    private static string LabelRules() => Path.Combine(TestContent.RepositoryRoot(), "rules", "label");

    private static Dictionary<string, JsonArray> Parameters(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(LabelRules(), file)), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        })!.AsArray()[0]!; // the files load (test above): one rule set each
        return root["Parameters"]!.AsArray().ToDictionary(p => p!["Name"]!.GetValue<string>(), p => p!["Values"]!.AsArray(), StringComparer.Ordinal);
    }

    private static List<string> ValidFroms(JsonArray values) => [.. values.Select(ValidFrom)];

    private static string ValidFrom(JsonNode? value) => value!["ValidFrom"]!.GetValue<string>();
}
