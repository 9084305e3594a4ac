using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using DigitalWallonia.Workflows.Tests.Support;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Runtime;

public class ActionInputTests
{
    // One action declaring a field of every type, with constraints; submit by the applicant, approve by staff.
    private static readonly WorkflowDefinition Definition = LoadValid(Minimal.With("\"trigger\": { \"action\": \"submit\" }", """
        "trigger": { "action": "submit", "input": [
            { "key": "service", "type": "text", "label": { "fr": "Prestation" }, "maxLength": 20, "pattern": "[A-Z].*" },
            { "key": "description", "type": "longText", "label": { "fr": "Description" }, "required": false, "maxLength": 50 },
            { "key": "amount", "type": "money", "label": { "fr": "Montant" }, "min": 1, "max": 50000 },
            { "key": "rate", "type": "decimal", "label": { "fr": "Taux" }, "required": false, "min": 0, "max": 1 },
            { "key": "staff", "type": "integer", "label": { "fr": "Effectif" }, "required": false, "min": 0 },
            { "key": "startsOn", "type": "date", "label": { "fr": "Début" }, "required": false },
            { "key": "sme", "type": "boolean", "label": { "fr": "PME" }, "required": false },
            { "key": "size", "type": "choice", "label": { "fr": "Taille" }, "required": false,
              "options": [{ "value": "small", "label": { "fr": "Petite" } }, { "value": "medium", "label": { "fr": "Moyenne" } }] },
            { "key": "partner", "type": "enterpriseNumber", "label": { "fr": "Partenaire" }, "required": false },
            { "key": "contact", "type": "email", "label": { "fr": "Courriel" }, "required": false, "personal": true },
            { "key": "quote", "type": "document", "label": { "fr": "Devis" }, "required": false, "mediaTypes": ["application/pdf"], "maxSize": 1000 },
            { "key": "linked", "type": "list", "label": { "fr": "Entreprises liées" }, "required": false, "max": 2,
              "item": { "type": "object", "fields": [
                { "key": "number", "type": "enterpriseNumber", "label": { "fr": "Numéro" } },
                { "key": "staff", "type": "integer", "label": { "fr": "Effectif" }, "min": 0 } ] } },
            { "key": "invoice", "type": "object", "label": { "fr": "Facture" }, "required": false, "fields": [
                { "key": "invoicedAmount", "type": "money", "label": { "fr": "Montant facturé" } } ] }
          ] },
          "actions": [
            { "type": "setFact", "fact": "declaration.staff", "from": "staff" },
            { "type": "setFact", "fact": "declaration.amount", "from": "amount" }
          ]
        """));

    private readonly WorkflowRuntime _runtime = new(KnownRoles, new TableGuardEvaluator());

    private static WorkflowInstance Draft() => WorkflowInstance.New(Definition, Parties);

    private static ActorActionFired Submit(params (string Field, object? Value)[] fields)
    {
        var input = new Dictionary<string, object?> { ["service"] = "Audit", ["amount"] = 5000 };
        foreach (var (field, value) in fields)
        {
            input[field] = value;
        }

        return new ActorActionFired("submit") { Input = input.ToDictionary(i => i.Key, i => JsonSerializer.SerializeToElement(i.Value)) };
    }

    [Fact]
    public void An_input_matching_its_declaration_is_accepted()
    {
        var outcome = _runtime.Fire(Definition, Draft(), Submit(("description", "Deux lignes\net une autre"), ("rate", 0.5), ("staff", 12),
            ("startsOn", "2026-04-01"), ("sme", true), ("size", "small"), ("partner", "0403.170.701"), ("contact", "claire@example.be"),
            ("quote", new { name = "devis.pdf", mediaType = "application/pdf", size = 900 }),
            ("linked", new[] { new { number = "0403170701", staff = 40 } }), ("invoice", new { invoicedAmount = 100.5 })), Company, Monday).Accepted();

        Assert.Equal("review", outcome.State);
    }

    [Theory]
    [InlineData("service", "\"Audit d'une longueur démesurée\"", "too-long", "has 30 characters; at most 20")]
    [InlineData("service", "\"audit\"", "pattern", "does not have the expected form")]
    [InlineData("service", "\"Audit\\nbis\"", "invalid", "one line")]
    [InlineData("service", "42", "wrong-type", "must be text (a string), not the number 42")]
    [InlineData("service", "\"  \"", "required", "is required")]
    [InlineData("description", "\"" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "\"", "too-long", "at most 50")]
    [InlineData("amount", "\"5000\"", "wrong-type", "must be an amount in EUR (a number), not the text \"5000\"")]
    [InlineData("amount", "10.005", "invalid", "at most two decimals")]
    [InlineData("amount", "0.5", "too-small", "it must be at least 1")]
    [InlineData("amount", "60000", "too-large", "it must be at most 50000")]
    [InlineData("rate", "true", "wrong-type", "must be a number, not the boolean true")]
    [InlineData("rate", "1.5", "too-large", "at most 1")]
    [InlineData("staff", "12.5", "wrong-type", "must be a whole number")]
    [InlineData("staff", "-1", "too-small", "at least 0")]
    [InlineData("startsOn", "\"01/04/2026\"", "wrong-type", "a date written yyyy-MM-dd")]
    [InlineData("startsOn", "\"2026-02-30\"", "wrong-type", "a date written yyyy-MM-dd")]
    [InlineData("sme", "\"yes\"", "wrong-type", "must be true or false")]
    [InlineData("size", "\"large\"", "not-an-option", "not one of its options: small, medium")]
    [InlineData("partner", "\"0403.170.702\"", "invalid", "not a Belgian enterprise number")]
    [InlineData("partner", "\"2403170701\"", "invalid", "not a Belgian enterprise number")]
    [InlineData("contact", "\"claire.example.be\"", "invalid", "not an e-mail address")]
    [InlineData("quote", "{ \"name\": \"devis.docx\", \"mediaType\": \"application/msword\", \"size\": 900 }", "media-type", "accepted: application/pdf")]
    [InlineData("quote", "{ \"name\": \"devis.pdf\", \"mediaType\": \"application/pdf\", \"size\": 5000 }", "too-big", "5000 bytes; at most 1000")]
    [InlineData("linked", "[{ \"number\": \"0403170701\", \"staff\": 1 }, { \"number\": \"0403170701\", \"staff\": 1 }, { \"number\": \"0403170701\", \"staff\": 1 }]", "too-many", "3 items; at most 2")]
    [InlineData("linked", "{ \"number\": \"0403170701\" }", "wrong-type", "must be a list")]
    [InlineData("invoice", "[]", "wrong-type", "must be an object")]
    public void A_value_of_the_wrong_type_or_outside_its_constraints_is_refused_naming_its_field(string field, string json, string code, string message)
    {
        using var value = JsonDocument.Parse(json);

        var result = _runtime.Fire(Definition, Draft(), Submit((field, value.RootElement.Clone())), Company, Monday);

        Assert.Equal(RejectionReason.InvalidInput, result.Rejection?.Reason);
        Assert.Equal("invalid-input", result.Rejection?.Code);
        var error = Assert.Single(result.Rejection!.FieldErrors);
        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.Contains($"Field '{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Message, result.Rejection.Message, StringComparison.Ordinal);
        Assert.Null(result.Outcome);
    }

    [Fact]
    public void A_field_inside_a_list_item_or_an_object_is_named_by_its_path()
    {
        var result = _runtime.Fire(Definition, Draft(), Submit(("linked", new object[] { new { number = "0403170701", staff = 3 }, new { number = "0403170701", staff = -2, name = "X" } }),
            ("invoice", new { invoicedAmount = "cent" })), Company, Monday);

        Assert.Equal(
            [("linked[1].staff", "too-small"), ("linked[1].name", "undeclared"), ("invoice.invoicedAmount", "wrong-type")],
            result.Rejection!.FieldErrors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void An_undeclared_field_is_refused_and_the_message_lists_the_declared_ones()
    {
        var result = _runtime.Fire(Definition, Draft(), Submit(("grantedRate", 1)), Company, Monday);

        var error = Assert.Single(result.Rejection!.FieldErrors);
        Assert.Equal(("grantedRate", "undeclared"), (error.Field, error.Code));
        Assert.Contains("it takes: service, description, amount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var input = new Dictionary<string, JsonElement> { ["amount"] = JsonSerializer.SerializeToElement("x"), ["extra"] = JsonSerializer.SerializeToElement(1) };

        var result = _runtime.Fire(Definition, Draft(), new ActorActionFired("submit") { Input = input }, Company, Monday);

        Assert.Equal([("service", "required"), ("amount", "wrong-type"), ("extra", "undeclared")], result.Rejection!.FieldErrors.Select(e => (e.Field, e.Code)));
        Assert.Equal(["service", "amount", "extra"], result.Rejection.Details);
    }

    [Fact]
    public void An_action_that_declares_no_input_refuses_any()
    {
        var instance = Draft() with { State = "review" };

        var result = _runtime.Fire(Definition, instance, GrantWorkflow.Action("approve", ("grantedAmount", 45000)), Handler, Monday);

        Assert.Equal(("grantedAmount", "undeclared"), result.Rejection!.FieldErrors.Select(e => (e.Field, e.Code)).Single());
    }

    [Fact]
    public void The_input_is_kept_with_the_action_in_history_and_personal_fields_apart()
    {
        var outcome = _runtime.Fire(Definition, Draft(), Submit(("contact", "claire@example.be")), Company, Monday).Accepted();

        var entry = Assert.Single(outcome.NewHistory);
        Assert.Equal(["amount", "service"], entry.Input.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("claire@example.be", Assert.Single(entry.PersonalInput).Value.GetString());
    }

    [Fact]
    public void Set_fact_stores_a_party_input_as_declared_and_nothing_else_becomes_a_fact()
    {
        var outcome = _runtime.Fire(Definition, Draft(), Submit(("staff", 12)), Company, Monday).Accepted();

        var facts = outcome.EffectsOf<DossierFactSet>().ToList();
        Assert.Equal(["declaration.staff", "declaration.amount"], facts.Select(f => f.Fact));
        Assert.All(facts, f => Assert.Equal(new FactProvenance(FactSources.Declared, Company.SubjectId, Monday.Now), f.Provenance));
        Assert.Equal(12, facts[0].Value.GetInt32());
    }

    [Fact]
    public void An_optional_field_left_empty_sets_no_fact()
    {
        var outcome = _runtime.Fire(Definition, Draft(), Submit(), Company, Monday).Accepted();

        Assert.Equal(["declaration.amount"], outcome.EffectsOf<DossierFactSet>().Select(f => f.Fact));
    }

    [Fact]
    public void A_guard_reads_the_action_input_as_its_own_object_and_the_facts_the_transition_sets()
    {
        var definition = LoadValid(Minimal.With("\"trigger\": { \"action\": \"approve\" }", """
            "trigger": { "action": "approve", "input": [{ "key": "rate", "type": "decimal", "label": { "fr": "Taux" } }] },
              "guard": { "ruleSet": "amount", "asOf": "today" },
              "actions": [{ "type": "setFact", "fact": "grantedRate", "from": "rate" }]
            """));
        var evaluator = new TableGuardEvaluator().Answer("amount", TableGuardEvaluator.Passed());
        var instance = WorkflowInstance.New(definition, Parties) with
        {
            State = "review",
            Facts = new Dictionary<string, JsonElement> { ["grantedRate"] = JsonSerializer.SerializeToElement(0.5) },
        };

        var outcome = new WorkflowRuntime(KnownRoles, evaluator).Fire(definition, instance, GrantWorkflow.Action("approve", ("rate", 0.4)), Handler, Monday).Accepted();

        var request = Assert.Single(evaluator.Requests);
        Assert.Equal(0.4m, request.Input["rate"].GetDecimal());
        Assert.Equal(0.4m, request.Facts["grantedRate"].GetDecimal());
        Assert.Equal(FactSources.Decided, request.FactSources["grantedRate"].Source);
        Assert.Equal(FactSources.Decided, Assert.Single(outcome.EffectsOf<DossierFactSet>()).Provenance.Source);
    }

    [Fact]
    public void A_party_setting_a_system_fact_is_refused_at_run_time_even_when_the_definition_was_not_validated()
    {
        // Loaded without the validator (a definition published before the check, say): the runtime holds the line.
        var definition = Load(Minimal.With("\"trigger\": { \"action\": \"submit\" }", """
            "trigger": { "action": "submit", "input": [{ "key": "rate", "type": "decimal", "label": { "fr": "Taux" } }] },
              "actions": [{ "type": "setFact", "fact": "grantedRate", "from": "rate" }]
            """));

        var result = _runtime.Fire(definition, WorkflowInstance.New(definition, Parties), GrantWorkflow.Action("submit", ("rate", 1)), Company, Monday);

        Assert.Equal("system-fact-refused", result.Rejection?.Code);
        Assert.Equal(["grantedRate"], result.Rejection?.Details);
        Assert.Null(result.Outcome);
    }

    [Fact]
    public void A_rule_output_kept_by_set_field_is_decided_by_whoever_took_the_transition()
    {
        var definition = GrantWorkflow.Definition;

        var outcome = new WorkflowRuntime(KnownRoles, GrantWorkflow.EligibleEvaluator())
            .Fire(definition, GrantWorkflow.InState(definition, "review"), GrantWorkflow.Action("propose"), Handler, Monday).Accepted();

        Assert.Equal(Handler.SubjectId, Assert.Single(outcome.EffectsOf<DossierFieldSet>()).DecidedBy);
    }

    [Fact]
    public void The_available_action_exposes_the_typed_fields_a_form_needs()
    {
        var action = Assert.Single(_runtime.AvailableActions(Definition, Draft(), Company));

        Assert.Equal(13, action.Input.Count);
        var size = action.Input.Single(f => f.Key == "size");
        Assert.Equal((InputFieldType.Choice, false, "Petite"), (size.Type, size.Required, size.Options[0].Label.Get("fr")));
        Assert.Equal(InputFieldType.Object, action.Input.Single(f => f.Key == "linked").Item?.Type);
    }

    [Theory]
    [InlineData("0403.170.701", true)]
    [InlineData("0403 170 701", true)]
    [InlineData("0403170701", true)]
    [InlineData("0403.170.700", false)]
    [InlineData("403.170.701", false)]
    [InlineData("BE0403170701", false)]
    public void Enterprise_numbers_are_checked_with_their_modulo_97_check_digits(string number, bool valid) =>
        Assert.Equal(valid, ActionInputChecker.IsEnterpriseNumber(number));
}
