using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Tests.Support;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Runtime;

public class AvailableActionsTests
{
    private readonly WorkflowDefinition _definition = GrantWorkflow.Definition;
    private readonly WorkflowRuntime _runtime = new(KnownRoles, new TableGuardEvaluator());

    [Fact]
    public void A_case_handler_sees_the_actions_of_the_review_state_with_their_input()
    {
        var actions = _runtime.AvailableActions(_definition, GrantWorkflow.InState(_definition, "review"), Handler);

        Assert.Equal(["propose", "fast-track", "refuse"], actions.Select(a => a.Name));
        var reason = Assert.Single(actions.Single(a => a.Name == "refuse").Input);
        Assert.Equal(("reason", InputFieldType.LongText, true, "Motif"), (reason.Key, reason.Type, reason.Required, reason.Label.Get("fr")));
    }

    [Fact]
    public void A_company_sees_no_action_on_a_dossier_under_review()
    {
        Assert.Empty(_runtime.AvailableActions(_definition, GrantWorkflow.InState(_definition, "review"), Company));
    }

    [Fact]
    public void A_company_sees_submit_on_its_own_draft_only()
    {
        Assert.Equal(["submit"], _runtime.AvailableActions(_definition, GrantWorkflow.Draft(_definition), Company).Select(a => a.Name));
        Assert.Empty(_runtime.AvailableActions(_definition, GrantWorkflow.Draft(_definition), OtherCompany));
    }

    [Fact]
    public void The_proposer_does_not_see_approve_but_another_supervisor_does()
    {
        var proposer = new Actor("sub-handler-1", "Luc Martin", ["case-handler", "supervisor"]);
        var proposed = GrantWorkflow.InState(_definition, "proposed") with
        {
            History = [new HistoryEntry("propose", "propose", "propose", proposer.SubjectId, null, Monday.Now, "review", "proposed")],
        };

        Assert.Equal(["send-back"], _runtime.AvailableActions(_definition, proposed, proposer).Select(a => a.Name));
        Assert.Equal(["approve", "send-back"], _runtime.AvailableActions(_definition, proposed, SecondHandler).Select(a => a.Name));
    }
}
