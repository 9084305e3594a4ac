using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Roles;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Tests.Validation;

public class CatalogueTests
{
    [Fact]
    public void Template_keys_come_from_template_file_names_in_any_language()
    {
        var keys = WorkflowCatalogues.TemplateKeysFromPaths([
            "templates/fr/voucher-granted.subject.hbs",
            "templates/fr/voucher-granted.html.hbs",
            "templates/en/voucher.refused.txt.hbs",
            "templates/voucher-paid.model.json",
            "templates/README.md",
        ]);

        Assert.Equal(["voucher-granted", "voucher-paid", "voucher.refused"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rule_set_names_are_the_workflow_names_of_a_rule_file()
    {
        Assert.Equal(["eligibility"], WorkflowCatalogues.RuleSetNamesFromJson("{ \"WorkflowName\": \"eligibility\", \"Rules\": [] }"));
        Assert.Equal(["a", "b"], WorkflowCatalogues.RuleSetNamesFromJson("[{ \"WorkflowName\": \"a\" }, { \"workflowName\": \"b\" }]"));
        Assert.Empty(WorkflowCatalogues.RuleSetNamesFromJson("{ not json"));
    }

    [Fact]
    public void The_role_catalogue_reads_scope_and_party_link()
    {
        var (catalogue, diagnostics) = RoleCatalogueLoader.Load("{ \"roles\": [{ \"key\": \"company-representative\", \"scope\": \"party\", \"party\": \"applicant\", \"labels\": { \"fr\": \"Représentant\" } }] }");

        Assert.Empty(diagnostics);
        Assert.NotNull(catalogue);
        Assert.True(catalogue.TryGet("company-representative", out var role));
        Assert.Equal((RoleScope.Party, "applicant"), (role.Scope, role.EffectivePartyLink));
    }

    [Fact]
    public void A_role_with_an_unknown_scope_or_without_french_label_is_reported()
    {
        var json = "{ \"roles\": [{ \"key\": \"x\", \"scope\": \"everywhere\", \"labels\": { \"en\": \"X\" } }] }";

        var (_, diagnostics) = RoleCatalogueLoader.Load(json, "roles.json");

        Assert.Equal(["DW2008", "DW2006"], diagnostics.Select(d => d.Code));
        Assert.Equal("roles[0].scope", diagnostics[1].Path);
    }
}
