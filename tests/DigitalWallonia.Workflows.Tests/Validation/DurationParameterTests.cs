using DigitalWallonia.Workflows.Tests.Support;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Tests.Validation;

/// <summary>A delay read from a parameter comes from the workflow's own rule sets, never another programme's.</summary>
public class DurationParameterTests
{
    private static readonly string WithParameterDelay = GrantWorkflow.Json
        .Replace("\"duration\": { \"workingDays\": 5 }", "\"duration\": { \"parameter\": \"grant.decisionDelay\" }", StringComparison.Ordinal)
        .Replace("\"before\": { \"workingDays\": 1 }", "\"before\": { \"parameter\": \"grant.reminderDelay\" }", StringComparison.Ordinal);

    private static WorkflowCatalogues Catalogues(string eligibilityHas, string otherProgrammeHas) => TestDefinitions.Catalogues() with
    {
        RuleSets = new HashSet<string>(["eligibility", "amount", "voucher-eligibility"]),
        RuleSetParameters = new Dictionary<string, IReadOnlySet<string>>
        {
            ["eligibility"] = new HashSet<string>([eligibilityHas]),
            ["amount"] = new HashSet<string>(),
            ["voucher-eligibility"] = new HashSet<string>([otherProgrammeHas]),
        },
    };

    [Fact]
    public void A_parameter_of_a_rule_set_the_workflow_names_is_accepted()
    {
        var catalogues = Catalogues("grant.decisionDelay", "grant.reminderDelay") with
        {
            RuleSetParameters = new Dictionary<string, IReadOnlySet<string>>
            {
                ["eligibility"] = new HashSet<string>(["grant.decisionDelay"]),
                ["amount"] = new HashSet<string>(["grant.reminderDelay"]),
            },
        };

        Assert.DoesNotContain(TestDefinitions.Check(WithParameterDelay, catalogues), d => d.Code == DiagnosticMessages.ParameterOfAnotherProgramme);
    }

    [Fact]
    public void A_parameter_found_only_in_another_programmes_rule_set_is_refused_naming_where_it_is()
    {
        var diagnostics = TestDefinitions.Check(WithParameterDelay, Catalogues("grant.decisionDelay", "grant.reminderDelay"));

        var refused = Assert.Single(diagnostics, d => d.Code == DiagnosticMessages.ParameterOfAnotherProgramme);
        Assert.Contains("'grant.reminderDelay'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'voucher-eligibility'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'amount', 'eligibility'", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith(".reminders[0].before", refused.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_no_rule_set_has_is_refused()
    {
        var diagnostics = TestDefinitions.Check(WithParameterDelay, Catalogues("something.else", "grant.reminderDelay"));

        var refused = Assert.Single(diagnostics, d => d.Code == DiagnosticMessages.ParameterOfAnotherProgramme && d.Message.Contains("grant.decisionDelay", StringComparison.Ordinal));
        Assert.Contains("no rule set has it", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith(".duration", refused.Path, StringComparison.Ordinal);
    }
}
