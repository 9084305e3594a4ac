using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Platform.Content;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Loading;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalWallonia.Platform.Tests.Scheduling;

/// <summary>A timer's duration parameter is read from the rule sets of the workflow's own programme only.</summary>
public sealed class DeadlineParameterTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("dw-deadline-parameters-").FullName;

    public DeadlineParameterTests()
    {
        // The other programme's rules come first in path order, as a programme named earlier in the alphabet would.
        WriteRules("a-other/other.json", "other-rules", "shared.delay", 30);
        WriteRules("own/own.json", "own-rules", "own.delay", 5);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteRules(string path, string name, string parameter, int days)
    {
        var file = Path.Combine(_root, "rules", path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $$"""
            { "WorkflowName": "{{name}}", "Version": 1,
              "Parameters": [ { "Name": "{{parameter}}", "Type": "integer", "Unit": "working days",
                "Values": [ { "ValidFrom": "2020-01-01", "Value": {{days}} } ] } ],
              "Rules": [ { "RuleName": "R", "Expression": "1 == 1" } ] }
            """);
    }

    private DeadlinePlanner Planner() =>
        new(CalendarCatalogue.Embedded(), new RuleLibrary(new ContentFolder(_root), NullLogger<RuleLibrary>.Instance));

    private static WorkflowDefinition Workflow(string programme) => WorkflowDefinitionLoader.Load($$"""
        {
          "id": "{{programme}}", "version": 1, "title": { "fr": "T" }, "programme": "{{programme}}",
          "states": [
            { "id": "draft", "kind": "initial", "labels": { "fr": "B" } },
            { "id": "done", "kind": "final", "labels": { "fr": "F" } }
          ],
          "transitions": [
            { "id": "go", "from": "draft", "to": "done", "trigger": { "automatic": true },
              "guard": { "ruleSet": "own-rules", "asOf": "submitted", "when": "allPassed" } }
          ]
        }
        """, "t.json").Definition!;

    [Fact]
    public void A_parameter_of_the_workflows_own_rule_sets_gives_the_delay()
    {
        var due = Planner().DueAt(Workflow("own"), DeadlineDuration.FromParameter("own.delay"), Monday);

        Assert.Equal(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 9)), due); // 5 working days after Monday 2 March
    }

    [Fact]
    public void A_parameter_only_another_programmes_rule_set_has_is_not_read()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Planner().DueAt(Workflow("own"), DeadlineDuration.FromParameter("shared.delay"), Monday));

        Assert.Contains("'shared.delay'", error.Message, StringComparison.Ordinal);
        Assert.Contains("own-rules", error.Message, StringComparison.Ordinal);
    }
}
