using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Rules;

namespace DigitalWallonia.Platform.Tests.Grants;

/// <summary>
/// What `dw rules check` and `dw rules test` do, over every file of rules/common, so that CI catches a broken shared
/// rule set; plus the conventions of those files (tests with boundaries, no threshold literal in expressions).
/// </summary>
public partial class CommonRuleSetTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestContent.RepositoryRoot(), "rules", "common"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory, MemberData(nameof(Files))]
    public void The_common_rule_set_loads_and_checks_without_diagnostics(string file)
    {
        var loaded = RuleSetLoader.LoadFile(PathOf(file));
        var engine = new RuleEngine();

        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        Assert.NotEmpty(loaded.RuleSets);
        Assert.Empty(loaded.RuleSets.SelectMany(engine.Check).Select(d => d.ToString()));
    }

    [Theory, MemberData(nameof(Files))]
    public void Every_embedded_test_of_the_common_rule_set_passes_and_there_are_at_least_ten(string file)
    {
        var engine = new RuleEngine();
        var outcomes = RuleSetLoader.LoadFile(PathOf(file)).RuleSets.SelectMany(set => RuleSetTests.Run(engine, set)).ToList();

        Assert.True(outcomes.Count >= 10, $"{file} has {outcomes.Count} embedded tests; at least 10 are expected.");
        Assert.Empty(outcomes.Where(o => o.Failures.Count > 0).Select(o => $"{o.Name}: {string.Join("; ", o.Failures)}"));
    }

    [Theory, MemberData(nameof(Files))]
    public void No_expression_of_the_common_rule_set_holds_a_threshold_literal(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(PathOf(file)), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        })!; // a file that loads (test above) parses
        var literals = Expressions(root).SelectMany(e => NumberLiteral().Matches(e).Select(m => $"{m.Value} in {e}"))
            // 1 is date arithmetic (the day after, the first of the month), never a threshold.
            .Where(found => decimal.Parse(found.Split(' ')[0], CultureInfo.InvariantCulture) != 1m)
            .ToList();

        Assert.Empty(literals);
    }

    private static string PathOf(string file) => Path.Combine(TestContent.RepositoryRoot(), "rules", "common", file);

    private static IEnumerable<string> Expressions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "Tests")
                    {
                        continue;
                    }

                    if (name == "Expression" && value is JsonValue text && text.TryGetValue<string>(out var expression))
                    {
                        yield return expression;
                    }

                    foreach (var inner in Expressions(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var inner in array.SelectMany(Expressions))
                {
                    yield return inner;
                }

                break;
        }
    }

    // A number not part of a name (params.x1 is a name, 250 a literal).
    [GeneratedRegex(@"(?<![\w.])\d+(\.\d+)?(?![\w])")]
    private static partial Regex NumberLiteral();
}
