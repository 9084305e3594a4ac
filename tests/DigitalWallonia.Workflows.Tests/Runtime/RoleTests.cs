using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Tests.Support;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Runtime;

public class RoleTests
{
    private readonly WorkflowDefinition _definition = GrantWorkflow.Definition;
    private readonly WorkflowRuntime _runtime = new(KnownRoles, GrantWorkflow.EligibleEvaluator());

    [Fact]
    public void A_party_scoped_role_acts_on_a_dossier_of_its_own_party()
    {
        var result = Submit(Company);

        Assert.True(result.IsAccepted);
    }

    [Fact]
    public void A_party_scoped_role_held_for_another_party_is_refused()
    {
        var result = Submit(OtherCompany);

        Assert.Equal(RejectionReason.RoleMissing, result.Rejection?.Reason);
        Assert.Equal(["applicant", "company-representative"], result.Rejection?.Details);
    }

    [Fact]
    public void A_party_scoped_role_without_a_party_is_refused()
    {
        var result = Submit(Company with { PartyId = null });

        Assert.Equal(RejectionReason.RoleMissing, result.Rejection?.Reason);
    }

    [Fact]
    public void A_role_linked_to_another_party_link_acts_for_that_party()
    {
        // company-representative is scoped to the dossier's "applicant" party in the catalogue.
        var representative = new Actor("sub-rep", "Marc Lambert", ["company-representative"], "BE0123456789");

        var result = Submit(representative);

        Assert.True(result.IsAccepted);
    }

    [Fact]
    public void A_global_role_acts_on_any_dossier()
    {
        var result = _runtime.Fire(_definition, GrantWorkflow.InState(_definition, "review"), GrantWorkflow.Action("propose"), Handler, Monday);

        Assert.True(result.IsAccepted);
    }

    [Fact]
    public void An_actor_without_any_allowed_role_is_refused()
    {
        var result = _runtime.Fire(_definition, GrantWorkflow.InState(_definition, "review"), GrantWorkflow.Action("propose"), Company, Monday);

        Assert.Equal("role-missing", result.Rejection?.Code);
        Assert.Equal("Action 'propose' needs one of the roles case-handler for this dossier.", result.Rejection?.Message);
    }

    [Fact]
    public void Roles_on_the_trigger_override_the_state_roles()
    {
        var definition = Load(Minimal.With("\"trigger\": { \"action\": \"approve\" }", "\"trigger\": { \"action\": \"approve\", \"roles\": [\"supervisor\"] }"));
        var instance = WorkflowInstance.New(definition) with { State = "review" };

        Assert.False(_runtime.Fire(definition, instance, GrantWorkflow.Action("approve"), Handler, Monday).IsAccepted);
        Assert.True(_runtime.Fire(definition, instance, GrantWorkflow.Action("approve"), SecondHandler, Monday).IsAccepted);
    }

    [Fact]
    public void A_required_input_field_that_is_missing_is_refused_with_its_name()
    {
        var result = _runtime.Fire(_definition, GrantWorkflow.InState(_definition, "review"), GrantWorkflow.Action("refuse"), Handler, Monday);

        Assert.Equal(RejectionReason.InvalidInput, result.Rejection?.Reason);
        Assert.Equal("invalid-input", result.Rejection?.Code);
        Assert.Equal(["reason"], result.Rejection?.Details);
        var error = Assert.Single(result.Rejection!.FieldErrors);
        Assert.Equal(("reason", "required"), (error.Field, error.Code));
        Assert.Contains("'reason'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_input_field_that_is_null_counts_as_missing()
    {
        var result = _runtime.Fire(_definition, GrantWorkflow.InState(_definition, "review"), GrantWorkflow.Action("refuse", ("reason", null)), Handler, Monday);

        Assert.Equal(RejectionReason.InvalidInput, result.Rejection?.Reason);
        Assert.Equal("required", Assert.Single(result.Rejection!.FieldErrors).Code);
    }

    [Fact]
    public void A_role_check_comes_before_the_input_check()
    {
        var result = _runtime.Fire(_definition, GrantWorkflow.InState(_definition, "review"), GrantWorkflow.Action("refuse"), Company, Monday);

        Assert.Equal(RejectionReason.RoleMissing, result.Rejection?.Reason);
    }

    private FiringResult Submit(Actor actor) =>
        _runtime.Fire(_definition, GrantWorkflow.Draft(_definition), GrantWorkflow.Action("submit", ("amount", 1000)), actor, Monday);
}
