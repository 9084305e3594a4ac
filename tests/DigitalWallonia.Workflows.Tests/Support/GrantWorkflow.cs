using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Workflows.Tests.Support;

/// <summary>
/// A premium workflow exercising every trigger kind, guard form and action: submit, eligibility check with an automatic
/// fallback, a decision deadline with a reminder, a proposal countersigned by a supervisor, automatic acceptance, payment.
/// </summary>
internal static class GrantWorkflow
{
    public const string Json = """
        {
          "id": "grant",
          "version": 1,
          "title": { "fr": "Prime", "en": "Premium" },
          "programme": "rentic",
          "states": [
            { "id": "draft", "kind": "initial", "labels": { "fr": "Brouillon" }, "roles": ["applicant", "company-representative"] },
            {
              "id": "submitted", "labels": { "fr": "Introduit" },
              "onEntry": [
                { "type": "evaluate", "ruleSet": "eligibility", "asOf": "submitted" },
                { "type": "notify", "template": "submitted", "to": ["applicant", "case-handler"] }
              ]
            },
            {
              "id": "review", "labels": { "fr": "Examen" }, "roles": ["case-handler"],
              "onEntry": [
                {
                  "type": "createDeadline", "deadline": "decision", "duration": { "workingDays": 5 },
                  "reminders": [{ "before": { "workingDays": 1 }, "template": "reminder", "to": ["case-handler"] }]
                }
              ]
            },
            { "id": "proposed", "labels": { "fr": "Proposé" }, "roles": ["supervisor"] },
            { "id": "awaiting-payment", "labels": { "fr": "En attente de paiement" }, "onEntry": [{ "type": "notify", "template": "granted", "to": ["applicant", "provider"] }] },
            { "id": "paid", "kind": "final", "labels": { "fr": "Payé" } },
            { "id": "refused", "kind": "final", "labels": { "fr": "Refusé" } },
            { "id": "ineligible", "kind": "final", "labels": { "fr": "Inéligible" } }
          ],
          "transitions": [
            { "id": "submit", "from": "draft", "to": "submitted", "trigger": { "action": "submit", "input": [{ "key": "amount", "type": "money", "label": { "fr": "Montant" }, "required": false }] } },
            {
              "id": "eligible", "from": "submitted", "to": "review", "trigger": { "automatic": true },
              "guard": { "ruleSet": "eligibility", "asOf": "submitted", "when": "allPassed" }
            },
            {
              "id": "not-eligible", "from": "submitted", "to": "ineligible", "trigger": { "automatic": true },
              "actions": [
                { "type": "recordDecision", "decision": "refusal", "ruleSet": "eligibility" },
                { "type": "notify", "template": "refused", "to": ["applicant"] }
              ]
            },
            {
              "id": "propose", "from": "review", "to": "proposed", "trigger": { "action": "propose" },
              "actions": [{ "type": "setField", "field": "proposedAmount", "ruleSet": "amount", "output": "amount", "asOf": "submitted" }]
            },
            {
              "id": "fast-track", "from": "review", "to": "awaiting-payment", "trigger": { "action": "fast-track" },
              "guard": { "ruleSet": "eligibility", "asOf": "submitted", "when": "event:FastTrack" },
              "actions": [{ "type": "recordDecision", "decision": "grant" }]
            },
            {
              "id": "refuse", "from": "review", "to": "refused", "trigger": { "action": "refuse", "input": [{ "key": "reason", "type": "longText", "label": { "fr": "Motif" } }] },
              "actions": [
                { "type": "recordDecision", "decision": "refusal", "ruleSet": "eligibility" },
                { "type": "issueDocument", "document": "refusal-letter", "template": "refused" }
              ]
            },
            {
              "id": "accept-automatically", "from": "review", "to": "awaiting-payment", "trigger": { "timer": "decision" },
              "actions": [
                { "type": "recordDecision", "decision": "grant", "ruleSet": "amount" },
                { "type": "scheduleInstalment", "instalment": "single", "ruleSet": "amount", "output": "amount", "asOf": "decided" }
              ]
            },
            {
              "id": "approve", "from": "proposed", "to": "awaiting-payment", "trigger": { "action": "approve" },
              "guard": { "ruleSet": "amount", "asOf": "submitted", "when": "rule:WithinCeiling" },
              "actions": [
                { "type": "requireDifferentActor", "action": "propose" },
                { "type": "recordDecision", "decision": "grant", "ruleSet": "amount" },
                { "type": "issueDocument", "document": "grant-letter", "template": "granted" },
                { "type": "scheduleInstalment", "instalment": "first", "ruleSet": "amount", "output": "firstInstalment", "due": { "calendarDays": 30 } }
              ]
            },
            { "id": "send-back", "from": "proposed", "to": "review", "trigger": { "action": "send-back", "input": [{ "key": "reason", "type": "longText", "label": { "fr": "Motif" } }] } },
            { "id": "confirm-payment", "from": "awaiting-payment", "to": "paid", "trigger": { "event": "payment-confirmed" } }
          ]
        }
        """;

    public static readonly DateOnly SubmittedOn = new(2026, 2, 27);

    public static WorkflowDefinition Definition => TestDefinitions.LoadValid(Json);

    /// <summary>A started draft for <see cref="TestDefinitions.Company"/>, submitted on <see cref="SubmittedOn"/> once fired.</summary>
    public static WorkflowInstance Draft(WorkflowDefinition definition) =>
        WorkflowInstance.New(definition, TestDefinitions.Parties, new LegalDates(SubmittedOn));

    public static WorkflowInstance InState(WorkflowDefinition definition, string state, params OpenDeadline[] open) =>
        Draft(definition) with { State = state, OpenDeadlines = open };

    public static ActorActionFired Action(string name, params (string Field, object? Value)[] input) => new(name)
    {
        Input = input.ToDictionary(i => i.Field, i => JsonSerializer.SerializeToElement(i.Value)),
    };

    /// <summary>An evaluator where the applicant is eligible and the amount rule set gives 12,000 EUR within the ceiling.</summary>
    public static TableGuardEvaluator EligibleEvaluator() => new TableGuardEvaluator()
        .Answer("eligibility", TableGuardEvaluator.Passed("eligibility-2026.1"))
        .Answer("amount", new GuardOutcome(true, "amount-2026.1")
        {
            RuleResults = new Dictionary<string, bool> { ["WithinCeiling"] = true },
            Outputs = new Dictionary<string, JsonElement>
            {
                ["amount"] = JsonSerializer.SerializeToElement(12000m),
                ["firstInstalment"] = JsonSerializer.SerializeToElement(6000m),
            },
        });
}
