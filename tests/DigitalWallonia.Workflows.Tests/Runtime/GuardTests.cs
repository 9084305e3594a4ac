using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using DigitalWallonia.Workflows.Tests.Support;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Runtime;

public class GuardTests
{
    [Fact]
    public void An_all_passed_guard_that_holds_takes_its_transition_and_stores_the_snapshot()
    {
        var definition = GrantWorkflow.Definition;
        var evaluator = GrantWorkflow.EligibleEvaluator();

        var outcome = new WorkflowRuntime(KnownRoles, evaluator).Fire(definition, GrantWorkflow.Draft(definition), GrantWorkflow.Action("submit", ("amount", 15000)), Company, Monday).Accepted();

        Assert.Equal("review", outcome.State);
        var guard = Assert.Single(outcome.EffectsOf<RuleSetEvaluated>(), e => e.Purpose == EvaluationPurpose.Guard);
        Assert.Equal("eligibility", guard.Request.RuleSet);
        Assert.Equal(AsOfKind.Submitted, guard.Request.AsOf);
        Assert.Equal(GrantWorkflow.SubmittedOn, guard.Request.AsOfDate);
        Assert.Equal("eligibility-2026.1", guard.Outcome.RuleSetVersion);
        Assert.Equal(1, guard.Step);
    }

    [Fact]
    public void An_all_passed_guard_that_fails_falls_through_to_the_next_automatic_transition_and_keeps_the_snapshot()
    {
        var definition = GrantWorkflow.Definition;
        var evaluator = new TableGuardEvaluator().Answer("eligibility", TableGuardEvaluator.Failed());

        var outcome = new WorkflowRuntime(KnownRoles, evaluator).Fire(definition, GrantWorkflow.Draft(definition), GrantWorkflow.Action("submit", ("amount", 15000)), Company, Monday).Accepted();

        Assert.Equal("ineligible", outcome.State);
        Assert.Contains(outcome.EffectsOf<RuleSetEvaluated>(), e => e.Purpose == EvaluationPurpose.AutomaticGuardNotMet);
        Assert.Equal("refusal", Assert.Single(outcome.EffectsOf<DecisionRequested>()).Decision);
    }

    [Fact]
    public void A_named_rule_guard_holds_when_that_rule_passed()
    {
        var definition = GrantWorkflow.Definition;
        var instance = Proposed(definition);

        var result = new WorkflowRuntime(KnownRoles, GrantWorkflow.EligibleEvaluator()).Fire(definition, instance, GrantWorkflow.Action("approve"), SecondHandler, Monday);

        Assert.True(result.IsAccepted);
        Assert.Equal("awaiting-payment", result.Outcome.State);
    }

    [Fact]
    public void A_named_rule_guard_fails_when_that_rule_failed_even_if_the_rule_set_passed_overall()
    {
        var definition = GrantWorkflow.Definition;
        var evaluator = new TableGuardEvaluator().Answer("amount", new GuardOutcome(true, "amount-2026.1")
        {
            RuleResults = new Dictionary<string, bool> { ["WithinCeiling"] = false },
            ExplanationJson = "{\"WithinCeiling\":\"12000 > 10000\"}",
        });

        var result = new WorkflowRuntime(KnownRoles, evaluator).Fire(definition, Proposed(definition), GrantWorkflow.Action("approve"), SecondHandler, Monday);

        Assert.False(result.IsAccepted);
        Assert.Equal(RejectionReason.GuardFailed, result.Rejection.Reason);
        Assert.Equal("guard-failed", result.Rejection.Code);
        Assert.Equal("{\"WithinCeiling\":\"12000 > 10000\"}", result.Rejection.Guard?.ExplanationJson);
    }

    [Fact]
    public void A_success_event_guard_holds_when_a_rule_raised_that_event()
    {
        var definition = GrantWorkflow.Definition;
        var evaluator = new TableGuardEvaluator().Answer("eligibility", new GuardOutcome(true, "1") { SuccessEvents = ["FastTrack"] });

        var result = new WorkflowRuntime(KnownRoles, evaluator).Fire(definition, GrantWorkflow.InState(definition, "review"), GrantWorkflow.Action("fast-track"), Handler, Monday);

        Assert.Equal("awaiting-payment", result.Outcome?.State);
    }

    [Fact]
    public void A_success_event_guard_fails_without_that_event()
    {
        var definition = GrantWorkflow.Definition;
        var evaluator = new TableGuardEvaluator().Answer("eligibility", new GuardOutcome(true, "1") { SuccessEvents = ["Standard"] });

        var result = new WorkflowRuntime(KnownRoles, evaluator).Fire(definition, GrantWorkflow.InState(definition, "review"), GrantWorkflow.Action("fast-track"), Handler, Monday);

        Assert.Equal(RejectionReason.GuardFailed, result.Rejection?.Reason);
    }

    [Fact]
    public void A_guard_as_of_today_is_evaluated_on_the_firing_date_with_the_dossier_facts_and_input()
    {
        var definition = Load(Minimal.With("\"trigger\": { \"action\": \"approve\" }", "\"trigger\": { \"action\": \"approve\", \"input\": [{ \"key\": \"amount\", \"type\": \"integer\", \"label\": { \"fr\": \"Montant\" } }] }, \"guard\": { \"ruleSet\": \"eligibility\", \"asOf\": \"today\" }"));
        var evaluator = new TableGuardEvaluator().Answer("eligibility", TableGuardEvaluator.Passed());
        var instance = WorkflowInstance.New(definition) with
        {
            State = "review",
            Facts = new Dictionary<string, JsonElement> { ["employees"] = JsonSerializer.SerializeToElement(12) },
        };

        new WorkflowRuntime(KnownRoles, evaluator).Fire(definition, instance, GrantWorkflow.Action("approve", ("amount", 5000)), Handler, Monday);

        var request = Assert.Single(evaluator.Requests);
        Assert.Equal(Monday.Today, request.AsOfDate);
        Assert.Equal(12, request.Facts["employees"].GetInt32());
        Assert.Equal(5000, request.Input["amount"].GetInt32());
    }

    [Fact]
    public void A_guard_as_of_a_legal_date_the_dossier_does_not_have_is_refused_rather_than_guessed()
    {
        var definition = Load(Minimal.With("\"trigger\": { \"action\": \"approve\" }", "\"trigger\": { \"action\": \"approve\" }, \"guard\": { \"ruleSet\": \"eligibility\", \"asOf\": \"decided\" }"));
        var evaluator = new TableGuardEvaluator().Answer("eligibility", TableGuardEvaluator.Passed());

        var result = new WorkflowRuntime(KnownRoles, evaluator).Fire(definition, WorkflowInstance.New(definition) with { State = "review" }, GrantWorkflow.Action("approve"), Handler, Monday);

        Assert.Equal(RejectionReason.LegalDateMissing, result.Rejection?.Reason);
        Assert.Empty(evaluator.Requests);
    }

    private static WorkflowInstance Proposed(WorkflowDefinition definition) =>
        GrantWorkflow.InState(definition, "proposed") with
        {
            History = [new HistoryEntry("propose", "propose", "propose", Handler.SubjectId, null, Monday.Now, "review", "proposed")],
        };
}
