using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using DigitalWallonia.Workflows.Tests.Support;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Runtime;

public class TriggerTests
{
    private readonly WorkflowRuntime _runtime = new(KnownRoles, GrantWorkflow.EligibleEvaluator());

    [Fact]
    public void Starting_a_dossier_enters_the_initial_state_and_records_a_start_audit_event()
    {
        var definition = GrantWorkflow.Definition;

        var result = _runtime.Start(definition, GrantWorkflow.Draft(definition), Company, Monday);

        Assert.True(result.IsAccepted);
        Assert.Equal("draft", result.Outcome.State);
        var audit = Assert.Single(result.Outcome.EffectsOf<AuditRecorded>());
        Assert.Equal("started", audit.Event);
        Assert.Equal(-1, audit.Step);
        Assert.Equal("sub-company", audit.SubjectId);
    }

    [Fact]
    public void Starting_a_dossier_that_has_history_is_refused()
    {
        var definition = GrantWorkflow.Definition;
        var submitted = Submit(definition);

        var result = _runtime.Start(definition, submitted, Company, Monday);

        Assert.Equal(RejectionReason.AlreadyStarted, result.Rejection?.Reason);
    }

    [Fact]
    public void An_actor_action_moves_the_dossier_and_chains_the_automatic_transition_after_it()
    {
        var definition = GrantWorkflow.Definition;

        var result = _runtime.Fire(definition, GrantWorkflow.Draft(definition), GrantWorkflow.Action("submit", ("amount", 15000)), Company, Monday);

        Assert.True(result.IsAccepted);
        Assert.Equal("draft", result.Outcome.PreviousState);
        Assert.Equal("review", result.Outcome.State);
        Assert.Equal(["submit", "eligible"], result.Outcome.Steps.Select(s => s.TransitionId));
        Assert.Equal(["submit", "automatic"], result.Outcome.Steps.Select(s => s.Trigger));
        var history = result.Outcome.NewHistory;
        Assert.Equal("submit", history[0].Action);
        Assert.Null(history[1].Action);
        Assert.All(history, h => Assert.Equal(Monday.Now, h.At));
    }

    [Fact]
    public void Each_step_has_its_state_change_and_audit_event_in_order()
    {
        var definition = GrantWorkflow.Definition;

        var outcome = _runtime.Fire(definition, GrantWorkflow.Draft(definition), GrantWorkflow.Action("submit", ("amount", 15000)), Company, Monday).Accepted();

        var changes = outcome.EffectsOf<StateChanged>().ToList();
        Assert.Equal([("draft", "submitted", 0), ("submitted", "review", 1)], changes.Select(c => (c.From, c.To, c.Step)));
        var audits = outcome.EffectsOf<AuditRecorded>().ToList();
        Assert.Equal(["submit", "eligible"], audits.Select(a => a.TransitionId));
        Assert.Equal(["amount"], audits[0].InputFields);
        Assert.Equal("Claire Dupont", audits[0].ActorDisplayName);
    }

    [Fact]
    public void An_action_the_state_does_not_offer_is_refused_as_not_allowed_in_state()
    {
        var definition = GrantWorkflow.Definition;

        var result = _runtime.Fire(definition, GrantWorkflow.Draft(definition), GrantWorkflow.Action("approve"), SecondHandler, Monday);

        Assert.False(result.IsAccepted);
        Assert.Equal(RejectionReason.NotAllowedInState, result.Rejection.Reason);
        Assert.Equal("not-allowed-in-state", result.Rejection.Code);
        Assert.Equal("Action 'approve' is not possible in state 'draft'. Possible actions: submit.", result.Rejection.Message);
    }

    [Fact]
    public void A_final_state_accepts_no_trigger()
    {
        var definition = GrantWorkflow.Definition;

        var result = _runtime.Fire(definition, GrantWorkflow.InState(definition, "paid"), new ExternalEventReceived("payment-confirmed"), Actor.System, Monday);

        Assert.Equal(RejectionReason.NotAllowedInState, result.Rejection?.Reason);
    }

    [Fact]
    public void A_timer_fires_the_transition_waiting_for_its_open_deadline()
    {
        var definition = GrantWorkflow.Definition;
        var instance = GrantWorkflow.InState(definition, "review", new OpenDeadline("decision", "review"));

        var result = _runtime.Fire(definition, instance, new TimerFired("decision"), Actor.System, Monday);

        Assert.True(result.IsAccepted);
        Assert.Equal("awaiting-payment", result.Outcome.State);
        Assert.Equal("timer decision", result.Outcome.Steps[0].Trigger);
        Assert.Empty(result.Outcome.OpenDeadlines);
        Assert.Empty(result.Outcome.EffectsOf<DeadlineCancelled>());
    }

    [Fact]
    public void A_timer_for_a_deadline_that_is_no_longer_open_is_refused_so_it_never_fires_twice()
    {
        var definition = GrantWorkflow.Definition;
        var instance = GrantWorkflow.InState(definition, "review");

        var result = _runtime.Fire(definition, instance, new TimerFired("decision"), Actor.System, Monday);

        Assert.Equal(RejectionReason.DeadlineNotOpen, result.Rejection?.Reason);
    }

    [Fact]
    public void An_external_event_moves_the_dossier()
    {
        var definition = GrantWorkflow.Definition;

        var result = _runtime.Fire(definition, GrantWorkflow.InState(definition, "awaiting-payment"), new ExternalEventReceived("payment-confirmed"), Actor.System, Monday);

        Assert.True(result.IsAccepted);
        Assert.Equal("paid", result.Outcome.State);
        Assert.Equal("system", result.Outcome.NewHistory[0].SubjectId);
    }

    [Fact]
    public void An_event_nobody_waits_for_in_the_state_is_refused()
    {
        var definition = GrantWorkflow.Definition;

        var result = _runtime.Fire(definition, GrantWorkflow.InState(definition, "review"), new ExternalEventReceived("payment-confirmed"), Actor.System, Monday);

        Assert.Equal(RejectionReason.NotAllowedInState, result.Rejection?.Reason);
    }

    [Fact]
    public void Applying_an_outcome_gives_the_instance_as_persisted()
    {
        var definition = GrantWorkflow.Definition;
        var draft = GrantWorkflow.Draft(definition);

        var outcome = _runtime.Fire(definition, draft, GrantWorkflow.Action("submit", ("amount", 15000)), Company, Monday).Accepted();
        var next = outcome.ApplyTo(draft);

        Assert.Equal("review", next.State);
        Assert.Equal(2, next.History.Count);
        Assert.Equal([new OpenDeadline("decision", "review")], next.OpenDeadlines);
        Assert.Equal(1, next.DefinitionVersion);
    }

    private WorkflowInstance Submit(Definitions.WorkflowDefinition definition)
    {
        var draft = GrantWorkflow.Draft(definition);
        return _runtime.Fire(definition, draft, GrantWorkflow.Action("submit", ("amount", 15000)), Company, Monday).Accepted().ApplyTo(draft);
    }
}
