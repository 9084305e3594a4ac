using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using DigitalWallonia.Workflows.Tests.Support;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Runtime;

public class ActionTests
{
    private readonly WorkflowDefinition _definition = GrantWorkflow.Definition;
    private readonly WorkflowRuntime _runtime = new(KnownRoles, GrantWorkflow.EligibleEvaluator());

    [Fact]
    public void Evaluate_stores_a_snapshot_as_of_the_named_legal_date()
    {
        var outcome = Submit();

        var evaluation = outcome.EffectsOf<RuleSetEvaluated>().First();
        Assert.Equal(EvaluationPurpose.Action, evaluation.Purpose);
        Assert.Equal("eligibility", evaluation.Request.RuleSet);
        Assert.Equal(GrantWorkflow.SubmittedOn, evaluation.Request.AsOfDate);
        Assert.Equal(0, evaluation.Step);
    }

    [Fact]
    public void Notify_names_the_template_and_resolves_party_scoped_recipients_to_the_dossier_party()
    {
        var outcome = Submit();

        var notification = Assert.Single(outcome.EffectsOf<NotificationRequested>());
        Assert.Equal("submitted", notification.Template);
        Assert.Equal([new NotificationRecipient("applicant", "BE0123456789"), new NotificationRecipient("case-handler", null)], notification.Recipients);
    }

    [Fact]
    public void Create_deadline_gives_its_duration_reminders_and_start_for_the_scheduler()
    {
        var outcome = Submit();

        var deadline = Assert.Single(outcome.EffectsOf<DeadlineCreated>());
        Assert.Equal("decision", deadline.Kind);
        Assert.Equal(DeadlineDuration.WorkingDays(5), deadline.Duration);
        Assert.Equal("review", deadline.ForState);
        Assert.Equal(Monday.Now, deadline.StartsAt);
        Assert.Equal(Monday.Today, deadline.StartsOn);
        var reminder = Assert.Single(deadline.Reminders);
        Assert.Equal(DeadlineDuration.WorkingDays(1), reminder.Before);
        Assert.Equal("reminder", reminder.Template);
        Assert.Equal([new OpenDeadline("decision", "review")], outcome.OpenDeadlines);
    }

    [Fact]
    public void Leaving_a_state_cancels_the_deadlines_created_for_it()
    {
        var instance = GrantWorkflow.InState(_definition, "review", new OpenDeadline("decision", "review"));

        var outcome = _runtime.Fire(_definition, instance, GrantWorkflow.Action("propose"), Handler, Monday).Accepted();

        Assert.Equal(new DeadlineCancelled("decision", DeadlineCancelReason.StateLeft), Assert.Single(outcome.EffectsOf<DeadlineCancelled>()));
        Assert.Empty(outcome.OpenDeadlines);
    }

    [Fact]
    public void Cancel_deadline_cancels_a_dossier_scoped_deadline_that_leaving_states_keeps()
    {
        var definition = LabelDefinition();
        var runtime = new WorkflowRuntime(KnownRoles, new TableGuardEvaluator());
        var granted = runtime.Fire(definition, WorkflowInstance.New(definition), GrantWorkflow.Action("grant"), Handler, Monday).Accepted();
        Assert.Equal([new OpenDeadline("expiry", "labelled", DeadlineScope.Dossier)], granted.OpenDeadlines);

        var suspended = runtime.Fire(definition, granted.ApplyTo(WorkflowInstance.New(definition)), GrantWorkflow.Action("suspend"), Handler, Monday).Accepted();
        Assert.Empty(suspended.EffectsOf<DeadlineCancelled>());

        var withdrawn = runtime.Fire(definition, suspended.ApplyTo(granted.ApplyTo(WorkflowInstance.New(definition))), GrantWorkflow.Action("withdraw"), Handler, Monday).Accepted();
        Assert.Equal(new DeadlineCancelled("expiry", DeadlineCancelReason.Action), Assert.Single(withdrawn.EffectsOf<DeadlineCancelled>()));
        Assert.Empty(withdrawn.OpenDeadlines);
    }

    [Fact]
    public void Creating_a_deadline_that_is_already_open_replaces_it()
    {
        var definition = LabelDefinition();
        var instance = WorkflowInstance.New(definition) with { State = "labelled", OpenDeadlines = [new OpenDeadline("expiry", "labelled", DeadlineScope.Dossier)] };

        var outcome = new WorkflowRuntime(KnownRoles, new TableGuardEvaluator()).Fire(definition, instance, GrantWorkflow.Action("renew"), Handler, Monday).Accepted();

        Assert.Equal(new DeadlineCancelled("expiry", DeadlineCancelReason.Replaced), Assert.Single(outcome.EffectsOf<DeadlineCancelled>()));
        Assert.Single(outcome.EffectsOf<DeadlineCreated>());
        Assert.Single(outcome.OpenDeadlines);
    }

    [Fact]
    public void Set_field_takes_a_rule_output_and_later_evaluations_see_it()
    {
        var evaluator = GrantWorkflow.EligibleEvaluator();
        var definition = Load(GrantWorkflow.Json.Replace(
            "\"actions\": [{ \"type\": \"setField\", \"field\": \"proposedAmount\", \"ruleSet\": \"amount\", \"output\": \"amount\", \"asOf\": \"submitted\" }]",
            "\"actions\": [{ \"type\": \"setField\", \"field\": \"proposedAmount\", \"ruleSet\": \"amount\", \"output\": \"amount\", \"asOf\": \"submitted\" }, { \"type\": \"evaluate\", \"ruleSet\": \"eligibility\", \"asOf\": \"today\" }]",
            StringComparison.Ordinal));

        var outcome = new WorkflowRuntime(KnownRoles, evaluator).Fire(definition, GrantWorkflow.InState(definition, "review"), GrantWorkflow.Action("propose"), Handler, Monday).Accepted();

        var field = Assert.Single(outcome.EffectsOf<DossierFieldSet>());
        Assert.Equal(("proposedAmount", 12000m, "amount", "amount"), (field.Field, field.Value.GetDecimal(), field.RuleSet, field.Output));
        Assert.Equal(EvaluationPurpose.Output, outcome.EffectsOf<RuleSetEvaluated>().First().Purpose);
        Assert.Equal(12000m, evaluator.Requests.Last().Facts["proposedAmount"].GetDecimal());
    }

    [Fact]
    public void Set_field_from_an_output_the_rule_set_did_not_give_is_refused()
    {
        var evaluator = new TableGuardEvaluator().Answer("amount", TableGuardEvaluator.Passed("amount-7"));

        var result = new WorkflowRuntime(KnownRoles, evaluator).Fire(_definition, GrantWorkflow.InState(_definition, "review"), GrantWorkflow.Action("propose"), Handler, Monday);

        Assert.Equal(RejectionReason.RuleOutputMissing, result.Rejection?.Reason);
        Assert.Equal("Rule set 'amount' (version amount-7) gave no output 'amount'.", result.Rejection?.Message);
    }

    [Fact]
    public void Record_decision_fixes_the_decided_date_and_carries_the_evaluation_behind_it()
    {
        var instance = GrantWorkflow.InState(_definition, "review", new OpenDeadline("decision", "review"));

        var outcome = _runtime.Fire(_definition, instance, new TimerFired("decision"), Actor.System, Monday).Accepted();

        var decision = Assert.Single(outcome.EffectsOf<DecisionRequested>());
        Assert.Equal("grant", decision.Decision);
        Assert.Equal(Monday.Today, decision.DecidedOn);
        Assert.Equal("system", decision.DecidedBy);
        Assert.Null(decision.CountersignedBy);
        Assert.Equal(Monday.Today, outcome.Dates.DecidedOn);
        Assert.Equal(GrantWorkflow.SubmittedOn, outcome.Dates.SubmittedOn);
    }

    [Fact]
    public void Schedule_instalment_after_a_decision_evaluates_its_amount_as_of_the_decided_date()
    {
        var evaluator = GrantWorkflow.EligibleEvaluator();
        var instance = GrantWorkflow.InState(_definition, "review", new OpenDeadline("decision", "review"));

        var outcome = new WorkflowRuntime(KnownRoles, evaluator).Fire(_definition, instance, new TimerFired("decision"), Actor.System, Monday).Accepted();

        var instalment = Assert.Single(outcome.EffectsOf<InstalmentScheduled>());
        Assert.Equal(("single", 12000m, null as DeadlineDuration), (instalment.Instalment, instalment.Amount.GetDecimal(), instalment.Due));
        Assert.Equal(Monday.Today, Assert.Single(evaluator.Requests).AsOfDate);
    }

    [Fact]
    public void Issue_document_and_schedule_instalment_follow_a_countersigned_approval()
    {
        var instance = GrantWorkflow.InState(_definition, "proposed") with
        {
            History = [new HistoryEntry("propose", "propose", "propose", Handler.SubjectId, null, Monday.Now, "review", "proposed")],
        };

        var outcome = _runtime.Fire(_definition, instance, GrantWorkflow.Action("approve"), SecondHandler, Monday).Accepted();

        Assert.Equal(new DocumentRequested("grant-letter", "granted") { Step = 0 }, Assert.Single(outcome.EffectsOf<DocumentRequested>()));
        var instalment = Assert.Single(outcome.EffectsOf<InstalmentScheduled>());
        Assert.Equal(("first", 6000m), (instalment.Instalment, instalment.Amount.GetDecimal()));
        Assert.Equal(DeadlineDuration.CalendarDays(30), instalment.Due);
        Assert.Equal(["RuleSetEvaluated", "DecisionRequested", "DocumentRequested", "InstalmentScheduled", "StateChanged", "AuditRecorded", "NotificationRequested"], outcome.Effects.Select(e => e.GetType().Name));
    }

    private WorkflowOutcome Submit() =>
        _runtime.Fire(_definition, GrantWorkflow.Draft(_definition), GrantWorkflow.Action("submit", ("amount", JsonSerializer.SerializeToElement(15000))), Company, Monday).Accepted();

    private static WorkflowDefinition LabelDefinition() => LoadValidDefinition("""
        {
          "id": "label", "version": 1, "title": { "fr": "Label" }, "programme": "label",
          "states": [
            { "id": "applied", "kind": "initial", "labels": { "fr": "Candidature" }, "roles": ["case-handler"] },
            { "id": "labelled", "labels": { "fr": "Labellisé" }, "roles": ["case-handler"] },
            { "id": "suspended", "labels": { "fr": "Suspendu" }, "roles": ["case-handler"] },
            { "id": "expired", "kind": "final", "labels": { "fr": "Expiré" } },
            { "id": "withdrawn", "kind": "final", "labels": { "fr": "Retiré" } }
          ],
          "transitions": [
            {
              "from": "applied", "to": "labelled", "trigger": { "action": "grant" },
              "actions": [{ "type": "createDeadline", "deadline": "expiry", "duration": { "iso": "P3Y" }, "scope": "dossier" }]
            },
            {
              "from": "labelled", "to": "labelled", "trigger": { "action": "renew" },
              "actions": [{ "type": "createDeadline", "deadline": "expiry", "duration": { "iso": "P3Y" }, "scope": "dossier" }]
            },
            { "from": "labelled", "to": "suspended", "trigger": { "action": "suspend" } },
            { "from": "suspended", "to": "labelled", "trigger": { "action": "reinstate" } },
            {
              "from": "suspended", "to": "withdrawn", "trigger": { "action": "withdraw" },
              "actions": [{ "type": "cancelDeadline", "deadline": "expiry" }]
            },
            { "from": "labelled", "to": "expired", "trigger": { "timer": "expiry" } },
            { "from": "suspended", "to": "expired", "trigger": { "timer": "expiry" } }
          ]
        }
        """);

    private static WorkflowDefinition LoadValidDefinition(string json) => LoadValid(json);
}
