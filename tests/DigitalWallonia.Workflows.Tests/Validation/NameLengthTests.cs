using System.Text.Json.Nodes;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Tests.Support;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Tests.Validation;

/// <summary>Names the platform stores in bounded columns: the validator and the JSON Schema refuse the same lengths.</summary>
public class NameLengthTests
{
    // Every bounded name once; @NAME@ is replaced by the name under test or by its default.
    private const string Template = """
        {
          "id": "@WORKFLOW@", "version": 1, "title": { "fr": "Essai" }, "programme": "@PROGRAMME@",
          "states": [
            { "id": "draft", "kind": "initial", "labels": { "fr": "Brouillon" }, "roles": ["applicant"] },
            { "id": "@STATE@", "labels": { "fr": "Examen" }, "roles": ["case-handler"],
              "onEntry": [
                { "type": "notify", "template": "@TEMPLATE@", "to": ["applicant"] },
                { "type": "createDeadline", "deadline": "@DEADLINE@", "duration": { "calendarDays": 30 },
                  "reminders": [{ "before": { "calendarDays": 5 }, "template": "@REMINDER@", "to": ["case-handler"] }] },
                { "type": "evaluate", "ruleSet": "@RULESET@", "asOf": "submitted" }
              ] },
            { "id": "done", "kind": "final", "labels": { "fr": "Fini" },
              "onEntry": [
                { "type": "issueDocument", "document": "@DOCUMENT@", "template": "@LETTER@" },
                { "type": "scheduleInstalment", "instalment": "@INSTALMENT@", "ruleSet": "amount", "output": "amount" }
              ] }
          ],
          "transitions": [
            { "id": "@TRANSITION@", "from": "draft", "to": "@STATE@", "trigger": { "action": "submit" } },
            { "from": "@STATE@", "to": "done", "trigger": { "action": "@ACTION@" }, "guard": { "ruleSet": "@GUARD@", "asOf": "today" } },
            { "from": "@STATE@", "to": "done", "trigger": { "timer": "@DEADLINE@" } },
            { "from": "@STATE@", "to": "done", "trigger": { "event": "@EVENT@" } }
          ]
        }
        """;

    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["WORKFLOW"] = "test",
        ["PROGRAMME"] = "voucher",
        ["STATE"] = "review",
        ["TEMPLATE"] = "submitted",
        ["DEADLINE"] = "decision",
        ["REMINDER"] = "reminder",
        ["RULESET"] = "eligibility",
        ["DOCUMENT"] = "grant-letter",
        ["LETTER"] = "granted",
        ["INSTALMENT"] = "first",
        ["TRANSITION"] = "submit",
        ["ACTION"] = "approve",
        ["GUARD"] = "amount",
        ["EVENT"] = "payment-confirmed",
    };

    /// <summary>Placeholder, JSON path the validator reports, JSON pointer of the schema property, the limit.</summary>
    private static readonly (string Placeholder, string Path, string SchemaPointer, int Limit)[] BoundedNames =
    [
        ("WORKFLOW", "id", "/properties/id", WorkflowNameLengths.WorkflowId),
        ("PROGRAMME", "programme", "/properties/programme", WorkflowNameLengths.Programme),
        ("STATE", "states[1].id", "/$defs/state/properties/id", WorkflowNameLengths.StateId),
        ("TRANSITION", "transitions[0].id", "/$defs/transition/properties/id", WorkflowNameLengths.TransitionId),
        ("ACTION", "transitions[1].trigger.action", "/$defs/trigger/oneOf/0/properties/action", WorkflowNameLengths.ActionName),
        ("EVENT", "transitions[3].trigger.event", "/$defs/trigger/oneOf/3/properties/event", WorkflowNameLengths.EventName),
        ("GUARD", "transitions[1].guard.ruleSet", "/$defs/guard/properties/ruleSet", WorkflowNameLengths.RuleSet),
        ("TEMPLATE", "states[1].onEntry[0].template", "/$defs/action/oneOf/1/properties/template", WorkflowNameLengths.TemplateKey),
        ("DEADLINE", "states[1].onEntry[1].deadline", "/$defs/action/oneOf/2/properties/deadline", WorkflowNameLengths.DeadlineKind),
        ("REMINDER", "states[1].onEntry[1].reminders[0].template", "/$defs/reminder/properties/template", WorkflowNameLengths.TemplateKey),
        ("RULESET", "states[1].onEntry[2].ruleSet", "/$defs/action/oneOf/0/properties/ruleSet", WorkflowNameLengths.RuleSet),
        ("DOCUMENT", "states[2].onEntry[0].document", "/$defs/action/oneOf/7/properties/document", WorkflowNameLengths.DocumentKind),
        ("LETTER", "states[2].onEntry[0].template", "/$defs/action/oneOf/7/properties/template", WorkflowNameLengths.TemplateKey),
        ("INSTALMENT", "states[2].onEntry[1].instalment", "/$defs/action/oneOf/8/properties/instalment", WorkflowNameLengths.InstalmentName),
    ];

    public static TheoryData<string, int> Limits()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in BoundedNames)
        {
            data.Add(name.Placeholder, name.Limit);
        }

        return data;
    }

    public static TheoryData<string, string, int> Places()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var name in BoundedNames)
        {
            data.Add(name.Placeholder, name.Path, name.Limit);
        }

        return data;
    }

    public static TheoryData<string, int> SchemaBounds()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in BoundedNames)
        {
            data.Add(name.SchemaPointer, name.Limit);
        }

        return data;
    }

    [Fact]
    public void The_template_with_its_defaults_checks_clean()
    {
        Assert.Empty(Check(Definition()).Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void A_name_exactly_at_its_limit_is_accepted(string placeholder, int limit)
    {
        var json = Definition(placeholder, NameOfLength(placeholder, limit));

        Assert.Empty(Check(json).Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Places))]
    public void A_name_one_character_too_long_is_reported_once_where_it_is_written(string placeholder, string path, int limit)
    {
        var name = NameOfLength(placeholder, limit + 1);
        var json = Definition(placeholder, name);

        var diagnostic = Assert.Single(Check(json));

        Assert.Equal(("DW2012", path, "test.json"), (diagnostic.Code, diagnostic.Path, diagnostic.File));
        Assert.Equal(TestDefinitions.PositionOf(json, $"\"{name}\""), diagnostic.Position);
        Assert.EndsWith($"is {limit + 1} characters long; the platform stores at most {limit}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_long_state_id_reads_as_a_positioned_diagnostic_line()
    {
        var name = NameOfLength("done", 100);
        var json = Minimal.Json.Replace("\"done\"", $"\"{name}\"", StringComparison.Ordinal);

        var diagnostic = Assert.Single(Check(json));

        var at = TestDefinitions.PositionOf(json, $"\"{name}\"");
        Assert.Equal($"test.json:{at.Line}:{at.Column}: DW2012: state id '{name[..40]}...' is 100 characters long; the platform stores at most 80 (states[2].id)", diagnostic.ToString());
    }

    [Fact]
    public void A_derived_transition_id_too_long_although_its_parts_fit_asks_for_an_id()
    {
        // draft->STATE:ACTION with the state and the action at their limits: 7 + 80 + 1 + 80 characters.
        var state = NameOfLength("STATE", WorkflowNameLengths.StateId);
        var json = Minimal.Json.Replace("\"review\"", $"\"{state}\"", StringComparison.Ordinal)
            .Replace("\"submit\"", $"\"{NameOfLength("submit", WorkflowNameLengths.ActionName)}\"", StringComparison.Ordinal);

        var diagnostic = Assert.Single(Check(json));

        Assert.Equal(("DW2012", "transitions[0].id"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(TestDefinitions.PositionOf(json, "{ \"from\": \"draft\""), diagnostic.Position);
        Assert.EndsWith("is 168 characters long; the platform stores at most 120; it is derived as FROM->TO:TRIGGER, so give the transition a shorter 'id'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SchemaBounds))]
    public void The_schema_bounds_each_name_at_the_validators_limit(string schemaPointer, int limit)
    {
        var schema = Schema();

        Assert.Equal(limit, MaxLength(schema, schemaPointer));
    }

    [Fact]
    public void Every_length_bound_in_the_schema_is_one_the_validator_checks()
    {
        var schema = Schema();
        var checkedDefinitions = BoundedNames.Select(n => DefinitionOf(schema, n.SchemaPointer)).ToHashSet(StringComparer.Ordinal);

        var bounded = schema["$defs"]!.AsObject().Where(d => d.Value?["maxLength"] is not null).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(bounded.Order(StringComparer.Ordinal), checkedDefinitions.Order(StringComparer.Ordinal));
    }

    private static IReadOnlyList<WorkflowDiagnostic> Check(string json) =>
        TestDefinitions.Check(json, new WorkflowCatalogues { Roles = TestDefinitions.KnownRoles });

    private static string Definition(string? placeholder = null, string? name = null)
    {
        var json = Template;
        foreach (var (key, value) in Defaults)
        {
            json = json.Replace($"@{key}@", key == placeholder ? name : value, StringComparison.Ordinal);
        }

        return json;
    }

    /// <summary>A name of exactly <paramref name="length"/> characters that no other name in the template contains.</summary>
    private static string NameOfLength(string placeholder, int length) =>
        $"{placeholder.ToLowerInvariant()}-".PadRight(length, 'x');

    private static JsonNode Schema() => JsonNode.Parse(File.ReadAllText(Repository.File("docs", "workflows.schema.json")))!;

    private static int? MaxLength(JsonNode schema, string pointer) =>
        (int?)Resolve(schema, Resolve(schema, pointer)["$ref"]!.GetValue<string>()[1..])["maxLength"];

    private static string DefinitionOf(JsonNode schema, string pointer) =>
        Resolve(schema, pointer)["$ref"]!.GetValue<string>()["#/$defs/".Length..];

    private static JsonNode Resolve(JsonNode schema, string pointer)
    {
        var node = schema;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = (int.TryParse(segment, out var index) ? node[index] : node[segment])
                ?? throw new InvalidOperationException($"{pointer}: nothing at '{segment}'");
        }

        return node;
    }
}
