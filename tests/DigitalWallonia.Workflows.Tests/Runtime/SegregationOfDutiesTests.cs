using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using DigitalWallonia.Workflows.Tests.Support;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Runtime;

public class SegregationOfDutiesTests
{
    private static readonly Actor HandlerWhoIsAlsoSupervisor = new("sub-handler-1", "Luc Martin", ["case-handler", "supervisor"]);

    private readonly WorkflowDefinition _definition = GrantWorkflow.Definition;
    private readonly WorkflowRuntime _runtime = new(KnownRoles, GrantWorkflow.EligibleEvaluator());

    [Fact]
    public void The_person_who_proposed_cannot_approve_even_with_the_supervisor_role()
    {
        var proposed = Propose(HandlerWhoIsAlsoSupervisor);

        var result = _runtime.Fire(_definition, proposed, GrantWorkflow.Action("approve"), HandlerWhoIsAlsoSupervisor, Monday);

        Assert.Equal(RejectionReason.SegregationOfDuties, result.Rejection?.Reason);
        Assert.Equal("segregation-of-duties", result.Rejection?.Code);
        Assert.Equal("Action 'approve' must be done by someone other than who did 'propose'.", result.Rejection?.Message);
    }

    [Fact]
    public void Another_person_approves_and_the_decision_names_both()
    {
        var proposed = Propose(HandlerWhoIsAlsoSupervisor);

        var outcome = _runtime.Fire(_definition, proposed, GrantWorkflow.Action("approve"), SecondHandler, Monday).Accepted();

        var decision = Assert.Single(outcome.EffectsOf<DecisionRequested>());
        Assert.Equal(("sub-handler-1", "sub-handler-2"), (decision.DecidedBy, decision.CountersignedBy));
        Assert.Equal("amount", decision.RuleSet);
        Assert.Equal("amount-2026.1", decision.Evaluation?.RuleSetVersion);
    }

    [Fact]
    public void The_latest_proposal_counts_when_a_dossier_was_sent_back_and_proposed_again()
    {
        var proposedTwice = GrantWorkflow.InState(_definition, "proposed") with
        {
            History =
            [
                new HistoryEntry("propose", "propose", "propose", SecondHandler.SubjectId, null, Monday.Now, "review", "proposed"),
                new HistoryEntry("send-back", "send-back", "send-back", SecondHandler.SubjectId, null, Monday.Now, "proposed", "review"),
                new HistoryEntry("propose", "propose", "propose", Handler.SubjectId, null, Monday.Now, "review", "proposed"),
            ],
        };

        var result = _runtime.Fire(_definition, proposedTwice, GrantWorkflow.Action("approve"), SecondHandler, Monday);

        Assert.True(result.IsAccepted);
    }

    [Fact]
    public void Segregation_of_duties_is_checked_before_the_guard_is_evaluated()
    {
        var evaluator = GrantWorkflow.EligibleEvaluator();
        var proposed = Propose(HandlerWhoIsAlsoSupervisor);

        new WorkflowRuntime(KnownRoles, evaluator).Fire(_definition, proposed, GrantWorkflow.Action("approve"), HandlerWhoIsAlsoSupervisor, Monday);

        Assert.Empty(evaluator.Requests);
    }

    private WorkflowInstance Propose(Actor actor)
    {
        var review = GrantWorkflow.InState(_definition, "review");
        var outcome = _runtime.Fire(_definition, review, GrantWorkflow.Action("propose"), actor, Monday).Accepted();
        return outcome.ApplyTo(review);
    }
}
