using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Tests.Support;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Tests.Content;

/// <summary>The definitions shipped in workflows/ load and validate against the shipped role catalogue.</summary>
public class RepositoryContentTests
{
    public static TheoryData<string> DefinitionFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "workflows"), "*.json").Where(f => Path.GetFileName(f) != "roles.json").Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void The_role_catalogue_loads_without_diagnostics_and_has_the_roles_the_programmes_need()
    {
        var (catalogue, diagnostics) = RoleCatalogueLoader.Load(File.ReadAllBytes(RolesFile()), "workflows/roles.json");

        Assert.Empty(diagnostics);
        Assert.NotNull(catalogue);
        foreach (var role in new[] { "applicant", "company-representative", "case-handler", "supervisor", "policy-officer", "expert", "provider", "promoter", "measure-carrier", "digital-agency", "committee-member", "system" })
        {
            Assert.True(catalogue.Contains(role), role);
        }
    }

    [Theory]
    [MemberData(nameof(DefinitionFiles))]
    public void A_shipped_definition_is_valid(string file)
    {
        var (roles, _) = RoleCatalogueLoader.Load(File.ReadAllBytes(RolesFile()));
        var path = Path.Combine(Repository.Root, "workflows", file);

        var result = WorkflowValidator.LoadAndValidate(File.ReadAllBytes(path), file, new WorkflowCatalogues { Roles = roles });

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
    }

    // A refusal's reasons are the explanation of its rule set's latest evaluation in the same firing (recordDecision):
    // without one the decision would record no failed condition, no value and no rule version.
    [Theory]
    [MemberData(nameof(DefinitionFiles))]
    public void Every_refusal_evaluates_the_rule_set_it_names_before_recording_the_decision(string file)
    {
        var loaded = WorkflowDefinitionLoader.Load(File.ReadAllBytes(Path.Combine(Repository.Root, "workflows", file)), file);
        Assert.NotNull(loaded.Definition);

        foreach (var transition in loaded.Definition.Transitions)
        {
            var actions = transition.Actions.ToList();
            foreach (var (refusal, index) in actions.Select((a, i) => (a, i)).Where(x => x.a is Definitions.RecordDecisionAction { Decision: "refusal" }))
            {
                var ruleSet = ((Definitions.RecordDecisionAction)refusal).RuleSet;
                Assert.True(ruleSet is not null, $"{file}: {transition.Id} records a refusal without a rule set");
                Assert.True(transition.Guard?.RuleSet == ruleSet || actions.Take(index).OfType<Definitions.EvaluateRuleSetAction>().Any(e => e.RuleSet == ruleSet),
                    $"{file}: {transition.Id} records a refusal on {ruleSet} without evaluating it first");
            }
        }
    }

    private static string RolesFile() => Path.Combine(Repository.Root, "workflows", "roles.json");
}
