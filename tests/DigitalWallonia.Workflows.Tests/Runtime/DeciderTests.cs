using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using DigitalWallonia.Workflows.Tests.Support;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Runtime;

/// <summary>Who a recorded decision names: whoever took the transition it runs in, not whoever fired the trigger.</summary>
public class DeciderTests
{
    // A provider's fast track: submitting leads to "check", where the rules decide at once (an automatic transition that
    // records the grant, then "labelled" records it again on entry); a handler may also grant or refuse by hand, a timer
    // refuses, and a "withdrawn" event withdraws.
    private const string FastTrackJson = """
        {
          "id": "fast-track", "version": 1, "title": { "fr": "Procédure accélérée" }, "programme": "test",
          "states": [
            { "id": "draft", "kind": "initial", "labels": { "fr": "Brouillon" }, "roles": ["applicant"] },
            { "id": "check", "labels": { "fr": "Contrôle" }, "roles": ["case-handler"],
              "onEntry": [{ "type": "createDeadline", "deadline": "decision", "duration": { "calendarDays": 30 } }] },
            { "id": "labelled", "kind": "final", "labels": { "fr": "Labellisé" },
              "onEntry": [{ "type": "recordDecision", "decision": "grant", "ruleSet": "fast-track" }] },
            { "id": "closed", "kind": "final", "labels": { "fr": "Clôturé" } }
          ],
          "transitions": [
            { "id": "submit", "from": "draft", "to": "check", "trigger": { "action": "submit" } },
            { "id": "fast-track", "from": "check", "to": "labelled", "trigger": { "automatic": true },
              "guard": { "ruleSet": "fast-track", "asOf": "submitted" },
              "actions": [{ "type": "recordDecision", "decision": "grant", "ruleSet": "fast-track" }] },
            { "id": "grant", "from": "check", "to": "closed", "trigger": { "action": "grant" },
              "actions": [{ "type": "recordDecision", "decision": "grant" }] },
            { "id": "expire", "from": "check", "to": "closed", "trigger": { "timer": "decision" },
              "actions": [{ "type": "recordDecision", "decision": "refusal" }] },
            { "id": "withdraw", "from": "check", "to": "closed", "trigger": { "event": "withdrawn" },
              "actions": [{ "type": "recordDecision", "decision": "withdrawal" }] }
          ]
        }
        """;

    private static readonly Actor Provider = new("sub-provider", "Marc Dubois", ["applicant"], "BE0123456789");

    private readonly WorkflowDefinition _definition = LoadFastTrack();

    [Fact]
    public void An_automatic_transition_after_a_persons_action_records_the_system_as_decider()
    {
        var outcome = Runtime(fastTrack: true).Fire(_definition, Draft(), GrantWorkflow.Action("submit"), Provider, Monday).Accepted();

        Assert.Equal("labelled", outcome.State);
        var decisions = outcome.EffectsOf<DecisionRequested>().ToList();
        Assert.Equal(2, decisions.Count); // one from the transition's actions, one from the entry of the state it reaches
        Assert.All(decisions, d => Assert.Equal((Actor.System.SubjectId, (string?)null), (d.DecidedBy, d.CountersignedBy)));
    }

    [Fact]
    public void The_audit_still_says_the_person_fired_the_chain()
    {
        var outcome = Runtime(fastTrack: true).Fire(_definition, Draft(), GrantWorkflow.Action("submit"), Provider, Monday).Accepted();

        Assert.All(outcome.EffectsOf<AuditRecorded>(), a => Assert.Equal(Provider.SubjectId, a.SubjectId));
    }

    [Fact]
    public void A_persons_own_action_records_that_person_as_decider()
    {
        var outcome = Runtime(fastTrack: false).Fire(_definition, InCheck(), GrantWorkflow.Action("grant"), Handler, Monday).Accepted();

        var decision = Assert.Single(outcome.EffectsOf<DecisionRequested>());
        Assert.Equal((Handler.SubjectId, (string?)null), (decision.DecidedBy, decision.CountersignedBy));
    }

    [Fact]
    public void A_timer_records_the_system_as_decider_whoever_the_platform_fires_it_as()
    {
        var instance = InCheck() with { OpenDeadlines = [new OpenDeadline("decision", "check")] };

        var outcome = Runtime(fastTrack: false).Fire(_definition, instance, new TimerFired("decision"), Handler, Monday).Accepted();

        Assert.Equal(Actor.System.SubjectId, Assert.Single(outcome.EffectsOf<DecisionRequested>()).DecidedBy);
    }

    [Fact]
    public void An_external_event_records_the_sender_it_was_fired_as()
    {
        var bySystem = Runtime(fastTrack: false).Fire(_definition, InCheck(), new ExternalEventReceived("withdrawn"), Actor.System, Monday).Accepted();
        var byProvider = Runtime(fastTrack: false).Fire(_definition, InCheck(), new ExternalEventReceived("withdrawn"), Provider, Monday).Accepted();

        Assert.Equal(Actor.System.SubjectId, Assert.Single(bySystem.EffectsOf<DecisionRequested>()).DecidedBy);
        Assert.Equal(Provider.SubjectId, Assert.Single(byProvider.EffectsOf<DecisionRequested>()).DecidedBy);
    }

    [Fact]
    public void Segregation_of_duties_still_records_the_proposer_and_the_countersigner()
    {
        var definition = GrantWorkflow.Definition;
        var proposed = GrantWorkflow.InState(definition, "proposed") with
        {
            History = [new HistoryEntry("propose", "propose", "propose", Handler.SubjectId, null, Monday.Now, "review", "proposed")],
        };

        var outcome = new WorkflowRuntime(KnownRoles, GrantWorkflow.EligibleEvaluator())
            .Fire(definition, proposed, GrantWorkflow.Action("approve"), SecondHandler, Monday).Accepted();

        var decision = Assert.Single(outcome.EffectsOf<DecisionRequested>());
        Assert.Equal((Handler.SubjectId, SecondHandler.SubjectId), (decision.DecidedBy, decision.CountersignedBy));
    }

    private static WorkflowRuntime Runtime(bool fastTrack) =>
        new(KnownRoles, new TableGuardEvaluator().Answer("fast-track", new GuardOutcome(fastTrack, "fast-track-1")));

    private WorkflowInstance Draft() => WorkflowInstance.New(_definition, Parties, new LegalDates(GrantWorkflow.SubmittedOn));

    private WorkflowInstance InCheck() => Draft() with { State = "check" };

    private static WorkflowDefinition LoadFastTrack()
    {
        var definition = Load(FastTrackJson);
        Assert.Empty(DigitalWallonia.Workflows.Validation.WorkflowValidator.Validate(definition, Catalogues("fast-track")));
        return definition;
    }
}
