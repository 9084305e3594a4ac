using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Tests.Support;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Tests.Validation;

public class InputDeclarationTests
{
    private const string Submit = "\"trigger\": { \"action\": \"submit\" }";
    private const string Approve = "\"trigger\": { \"action\": \"approve\" }";

    private static string WithSubmitInput(string fields, string actions = "") =>
        Minimal.With(Submit, $"\"trigger\": {{ \"action\": \"submit\", \"input\": [\n      {fields}\n    ] }}{actions}");

    [Fact]
    public void Every_field_type_with_its_constraints_loads_into_the_typed_model()
    {
        var json = WithSubmitInput("""
            { "key": "service", "type": "text", "label": { "fr": "Prestation", "en": "Service" }, "help": { "fr": "Telle que sur le devis" }, "maxLength": 300, "pattern": "[A-Z].*" },
                  { "key": "amount", "type": "money", "label": { "fr": "Montant" }, "min": 0.01, "max": 50000 },
                  { "key": "size", "type": "choice", "label": { "fr": "Taille" }, "options": [{ "value": "small", "label": { "fr": "Petite", "en": "Small" } }] },
                  { "key": "statutes", "type": "document", "label": { "fr": "Statuts" }, "mediaTypes": ["application/pdf"], "maxSize": 5000000, "required": false },
                  { "key": "partners", "type": "list", "label": { "fr": "Entreprises partenaires" }, "max": 10,
                    "item": { "type": "object", "fields": [
                      { "key": "number", "type": "enterpriseNumber", "label": { "fr": "Numéro d'entreprise" } },
                      { "key": "manager", "type": "text", "label": { "fr": "Dirigeant" }, "personal": true }
                    ] } }
            """);

        var definition = TestDefinitions.LoadValid(json);

        var input = ((ActorActionTrigger)definition.Transitions[0].Trigger).Input;
        Assert.Equal(["service", "amount", "size", "statutes", "partners"], input.Select(f => f.Key));
        Assert.Equal((InputFieldType.Text, 300, "[A-Z].*", "Service", "Telle que sur le devis"),
            (input[0].Type, input[0].MaxLength, input[0].Pattern, input[0].Label.Get("en"), input[0].Help.Get("fr")));
        Assert.Equal((0.01m, 50000m), (input[1].Min, input[1].Max));
        Assert.Equal("Small", Assert.Single(input[2].Options).Label.Get("en"));
        Assert.Equal((false, 5000000, "application/pdf"), (input[3].Required, input[3].MaxSize, Assert.Single(input[3].MediaTypes)));
        var item = Assert.IsType<InputField>(input[4].Item);
        Assert.Equal([InputFieldType.EnterpriseNumber, InputFieldType.Text], item.Fields.Select(f => f.Type));
        Assert.True(item.Fields[1].Personal);
    }

    [Fact]
    public void An_unknown_field_type_is_reported_at_its_type_with_the_known_ones()
    {
        var json = WithSubmitInput("{ \"key\": \"amount\", \"type\": \"currency\", \"label\": { \"fr\": \"Montant\" } }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(("DW2060", "transitions[0].trigger.input[0].type"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(TestDefinitions.PositionOf(json, "\"currency\""), diagnostic.Position);
        Assert.Contains("money", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_without_a_french_label_is_reported()
    {
        var json = WithSubmitInput("{ \"key\": \"amount\", \"type\": \"money\", \"label\": { \"en\": \"Amount\" } }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(("DW2008", "transitions[0].trigger.input[0].label.fr"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void A_field_given_as_a_bare_name_is_reported_with_the_declaration_it_needs()
    {
        var json = Minimal.With(Submit, "\"trigger\": { \"action\": \"submit\", \"input\": [\"reason\"] }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(("DW2002", "transitions[0].trigger.input[0]"), (diagnostic.Code, diagnostic.Path));
        Assert.Contains("\"key\": \"reason\"", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_declared_twice_is_reported_at_the_second()
    {
        var json = WithSubmitInput("""
            { "key": "reason", "type": "longText", "label": { "fr": "Motif" } },
                  { "key": "reason", "type": "text", "label": { "fr": "Motif bis" } }
            """);

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(("DW2061", "transitions[0].trigger.input[1].key"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(TestDefinitions.PositionOfLast(json, "\"reason\""), diagnostic.Position);
    }

    [Theory]
    [InlineData("{ \"key\": \"staff\", \"type\": \"integer\", \"label\": { \"fr\": \"Effectif\" }, \"maxLength\": 4 }", "DW2062", "maxLength")]
    [InlineData("{ \"key\": \"name\", \"type\": \"text\", \"label\": { \"fr\": \"Nom\" }, \"min\": 1 }", "DW2062", "min")]
    [InlineData("{ \"key\": \"size\", \"type\": \"text\", \"label\": { \"fr\": \"Taille\" }, \"options\": [{ \"value\": \"s\", \"label\": { \"fr\": \"S\" } }] }", "DW2062", "options")]
    [InlineData("{ \"key\": \"ok\", \"type\": \"boolean\", \"label\": { \"fr\": \"OK\" }, \"mediaTypes\": [\"application/pdf\"] }", "DW2062", "mediaTypes")]
    [InlineData("{ \"key\": \"amount\", \"type\": \"money\", \"label\": { \"fr\": \"Montant\" }, \"min\": 100, \"max\": 10 }", "DW2063", "min")]
    [InlineData("{ \"key\": \"amount\", \"type\": \"money\", \"label\": { \"fr\": \"Montant\" }, \"max\": 10.005 }", "DW2063", "max")]
    [InlineData("{ \"key\": \"staff\", \"type\": \"integer\", \"label\": { \"fr\": \"Effectif\" }, \"max\": 9.5 }", "DW2063", "max")]
    [InlineData("{ \"key\": \"code\", \"type\": \"text\", \"label\": { \"fr\": \"Code\" }, \"pattern\": \"[0-9\" }", "DW2063", "pattern")]
    [InlineData("{ \"key\": \"size\", \"type\": \"choice\", \"label\": { \"fr\": \"Taille\" } }", "DW2063", null)]
    [InlineData("{ \"key\": \"statutes\", \"type\": \"document\", \"label\": { \"fr\": \"Statuts\" }, \"maxSize\": 1000 }", "DW2063", null)]
    [InlineData("{ \"key\": \"statutes\", \"type\": \"document\", \"label\": { \"fr\": \"Statuts\" }, \"mediaTypes\": [\"pdf\"], \"maxSize\": 1000 }", "DW2063", "mediaTypes[0]")]
    [InlineData("{ \"key\": \"partners\", \"type\": \"list\", \"label\": { \"fr\": \"Partenaires\" } }", "DW2063", null)]
    [InlineData("{ \"key\": \"partners\", \"type\": \"list\", \"label\": { \"fr\": \"Partenaires\" }, \"min\": -1, \"item\": { \"type\": \"text\" } }", "DW2063", "min")]
    [InlineData("{ \"key\": \"in put\", \"type\": \"text\", \"label\": { \"fr\": \"X\" } }", "DW2063", "key")]
    public void A_constraint_that_does_not_fit_its_type_or_makes_no_sense_is_reported_where_it_is_written(string field, string code, string? constraint)
    {
        var json = WithSubmitInput(field);

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(constraint is null ? "transitions[0].trigger.input[0]" : $"transitions[0].trigger.input[0].{constraint}", diagnostic.Path);
    }

    [Fact]
    public void A_choice_option_given_twice_is_reported()
    {
        var json = WithSubmitInput("{ \"key\": \"size\", \"type\": \"choice\", \"label\": { \"fr\": \"Taille\" }, \"options\": [{ \"value\": \"s\", \"label\": { \"fr\": \"S\" } }, { \"value\": \"s\", \"label\": { \"fr\": \"S bis\" } }] }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(("DW2063", "transitions[0].trigger.input[0].options[1]"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void A_set_fact_from_a_field_the_action_does_not_declare_is_reported()
    {
        var json = WithSubmitInput("{ \"key\": \"staff\", \"type\": \"integer\", \"label\": { \"fr\": \"Effectif\" } }",
            ", \"actions\": [{ \"type\": \"setFact\", \"fact\": \"declaration.staff\", \"from\": \"staf\" }]");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(("DW2064", "transitions[0].actions[0].from"), (diagnostic.Code, diagnostic.Path));
        Assert.Contains("it declares: staff", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_fact_outside_a_transition_a_person_takes_is_reported()
    {
        var json = Minimal.With("{ \"id\": \"review\", \"labels\": { \"fr\": \"Examen\" }, \"roles\": [\"case-handler\"] }",
            "{ \"id\": \"review\", \"labels\": { \"fr\": \"Examen\" }, \"roles\": [\"case-handler\"], \"onEntry\": [{ \"type\": \"setFact\", \"fact\": \"x\", \"from\": \"y\" }] }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(("DW2064", "states[1].onEntry[0]"), (diagnostic.Code, diagnostic.Path));
    }

    [Theory]
    [InlineData("grantedRate")]
    [InlineData("grantedAmount")]
    [InlineData("instalments")]
    [InlineData("diagnosisInstalment")]
    [InlineData("deMinimis.pastAid")]
    [InlineData("company.legalForm")]
    [InlineData("provider.registered")]
    public void A_party_role_setting_a_system_owned_fact_is_refused_at_validation(string fact)
    {
        var json = WithSubmitInput("{ \"key\": \"value\", \"type\": \"decimal\", \"label\": { \"fr\": \"Valeur\" } }",
            $", \"actions\": [{{ \"type\": \"setFact\", \"fact\": \"{fact}\", \"from\": \"value\" }}]");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(("DW2065", "transitions[0].actions[0].fact"), (diagnostic.Code, diagnostic.Path));
        Assert.Contains("applicant", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Staff_may_set_a_fact_the_administration_decides_from_their_input()
    {
        var json = Minimal.With(Approve, "\"trigger\": { \"action\": \"approve\", \"input\": [{ \"key\": \"rate\", \"type\": \"decimal\", \"label\": { \"fr\": \"Taux\" }, \"min\": 0, \"max\": 1 }] }, "
            + "\"actions\": [{ \"type\": \"setFact\", \"fact\": \"grantedRate\", \"from\": \"rate\" }]");

        Assert.Empty(TestDefinitions.Check(json));
    }

    [Fact]
    public void A_fact_path_that_rules_cannot_read_is_reported()
    {
        var json = WithSubmitInput("{ \"key\": \"staff\", \"type\": \"integer\", \"label\": { \"fr\": \"Effectif\" } }",
            ", \"actions\": [{ \"type\": \"setFact\", \"fact\": \"declaration..staff\", \"from\": \"staff\" }]");

        Assert.Equal("DW2066", Assert.Single(TestDefinitions.Check(json)).Code);
    }

    [Fact]
    public void System_facts_are_listed_in_one_place()
    {
        Assert.True(SystemFacts.Owns("grantedRate"));
        Assert.True(SystemFacts.Owns("company.naceCodes"));
        Assert.True(SystemFacts.Owns("implementationInstalment"));
        Assert.False(SystemFacts.Owns("declaration.staff"));
        Assert.False(SystemFacts.Owns("consumption"));
    }
}
