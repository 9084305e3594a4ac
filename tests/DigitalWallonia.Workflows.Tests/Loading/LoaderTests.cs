using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Tests.Support;

namespace DigitalWallonia.Workflows.Tests.Loading;

public class LoaderTests
{
    [Fact]
    public void The_minimal_definition_loads_and_validates_without_diagnostics()
    {
        var definition = TestDefinitions.LoadValid(Minimal.Json);

        Assert.Equal("test", definition.Id);
        Assert.Equal(1, definition.Version);
        Assert.Equal("Essai", definition.Title.Get("fr"));
        Assert.Equal("Test", definition.Title.Get("en"));
        Assert.Equal("Essai", definition.Title.Get("de"));
        Assert.Equal("draft", definition.InitialState?.Id);
        Assert.Equal(3, definition.States.Count);
    }

    [Fact]
    public void Malformed_json_is_reported_at_the_line_and_column_of_the_fault()
    {
        var json = "{\n  \"id\": \"x\",\n  \"version\": 1,,\n}";

        var result = WorkflowDefinitionLoader.Load(json, "bad.json");

        Assert.Null(result.Definition);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DW2001", diagnostic.Code);
        Assert.Equal(new SourcePosition(3, 16), diagnostic.Position);
        Assert.StartsWith("bad.json:3:16: DW2001: malformed JSON", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_malformed_json_at_its_start()
    {
        var diagnostic = Assert.Single(WorkflowDefinitionLoader.Load(string.Empty).Diagnostics);

        Assert.Equal("DW2001", diagnostic.Code);
        Assert.Equal(new SourcePosition(1, 1), diagnostic.Position);
    }

    [Fact]
    public void Columns_count_utf16_characters_not_bytes()
    {
        // "é" is two bytes in UTF-8 but one UTF-16 character: the unknown property must be reported at column 22.
        var json = "{ \"title\": { \"fr\": \"é\" }, \"bogus\": 1 }";

        var diagnostic = WorkflowDefinitionLoader.Load(json).Diagnostics.First(d => d.Code == "DW2004");

        Assert.Equal(new SourcePosition(1, 27), diagnostic.Position);
        Assert.Equal(TestDefinitions.PositionOf(json, "\"bogus\""), diagnostic.Position);
    }

    [Fact]
    public void A_byte_order_mark_does_not_shift_positions()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("{ \"bogus\": 1 }")).ToArray();

        var diagnostic = WorkflowDefinitionLoader.Load(bytes).Diagnostics.First(d => d.Code == "DW2004");

        Assert.Equal(new SourcePosition(1, 3), diagnostic.Position);
    }

    [Fact]
    public void Malformed_json_after_a_byte_order_mark_is_reported_at_the_visible_column()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("{ \"id\": x }")).ToArray();

        var diagnostic = Assert.Single(WorkflowDefinitionLoader.Load(bytes).Diagnostics);

        Assert.Equal(("DW2001", new SourcePosition(1, 9)), (diagnostic.Code, diagnostic.Position));
    }

    [Fact]
    public void The_optional_description_is_kept()
    {
        var definition = TestDefinitions.Load(Minimal.With("\"programme\": \"voucher\",", "\"programme\": \"voucher\", \"description\": { \"fr\": \"Pour essayer\" },"));

        Assert.Equal("Pour essayer", definition.Description.Get("fr"));
    }

    [Fact]
    public void Property_names_are_case_insensitive()
    {
        var json = Minimal.With("\"programme\": \"voucher\"", "\"Programme\": \"voucher\"").Replace("\"kind\": \"initial\"", "\"KIND\": \"Initial\"", StringComparison.Ordinal);

        var definition = TestDefinitions.LoadValid(json);

        Assert.Equal("voucher", definition.Programme);
        Assert.Equal(StateKind.Initial, definition.States[0].Kind);
    }

    [Fact]
    public void An_unknown_property_is_reported_with_its_path_and_position()
    {
        var json = Minimal.With("{ \"from\": \"draft\"", "{ \"form\": \"x\", \"from\": \"draft\"");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal("DW2004", diagnostic.Code);
        Assert.Equal("transitions[0].form", diagnostic.Path);
        Assert.Equal(TestDefinitions.PositionOf(json, "\"form\""), diagnostic.Position);
        Assert.Contains("expected one of: id, from, to", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_reported_at_the_object_that_lacks_it()
    {
        var json = Minimal.With("\"to\": \"done\", ", string.Empty);

        var diagnostic = Assert.Single(TestDefinitions.Check(json), d => d.Code == "DW2003");

        Assert.Equal("transitions[1].to", diagnostic.Path);
        Assert.Equal(TestDefinitions.PositionOf(json, "{ \"from\": \"review\""), diagnostic.Position);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported()
    {
        var json = Minimal.With("\"roles\": [\"applicant\"]", "\"roles\": \"applicant\"");

        var diagnostic = Assert.Single(TestDefinitions.Check(json), d => d.Code == "DW2002");

        Assert.Equal("DW2002", diagnostic.Code);
        Assert.Equal("states[0].roles", diagnostic.Path);
        Assert.Equal(TestDefinitions.PositionOf(json, "\"applicant\" }"), diagnostic.Position);
        Assert.Equal("expected an array, found the string \"applicant\"", diagnostic.Message);
    }

    [Fact]
    public void A_property_given_twice_is_reported_at_the_second()
    {
        var json = Minimal.With("\"id\": \"test\",", "\"id\": \"test\", \"ID\": \"again\",");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal("DW2005", diagnostic.Code);
        Assert.Equal(TestDefinitions.PositionOf(json, "\"ID\""), diagnostic.Position);
    }

    [Fact]
    public void An_invalid_state_kind_lists_the_valid_ones()
    {
        var json = Minimal.With("\"kind\": \"final\"", "\"kind\": \"finished\"");

        var diagnostic = Assert.Single(TestDefinitions.Check(json), d => d.Code == "DW2006");

        Assert.Equal("states[2].kind", diagnostic.Path);
        Assert.Equal("'finished' is not valid here; expected one of: initial, normal, final", diagnostic.Message);
        Assert.Equal(TestDefinitions.PositionOf(json, "\"finished\""), diagnostic.Position);
    }

    [Fact]
    public void A_version_below_one_is_refused()
    {
        var json = Minimal.With("\"version\": 1", "\"version\": 0");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(("DW2006", "version"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(TestDefinitions.PositionOf(json, "0,"), diagnostic.Position);
        Assert.Equal("'version' must be between 1 and 2147483647, found 0", diagnostic.Message);
    }

    [Fact]
    public void A_trigger_with_two_kinds_is_refused()
    {
        var json = Minimal.With("{ \"action\": \"approve\" }", "{ \"action\": \"approve\", \"timer\": \"decision\" }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json), d => d.Code == "DW2007");

        Assert.Equal("transitions[1].trigger", diagnostic.Path);
        Assert.Equal("a trigger has exactly one kind, found: action, timer", diagnostic.Message);
        Assert.Equal(TestDefinitions.PositionOf(json, "{ \"action\": \"approve\""), diagnostic.Position);
    }

    [Fact]
    public void A_trigger_with_no_kind_is_refused()
    {
        var json = Minimal.With("{ \"action\": \"approve\" }", "{ }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json), d => d.Code == "DW2007");

        Assert.Equal("transitions[1].trigger", diagnostic.Path);
        Assert.Equal(TestDefinitions.PositionOf(json, "{ }"), diagnostic.Position);
        Assert.Equal("a trigger needs one of: action, automatic, timer, event", diagnostic.Message);
    }

    [Fact]
    public void Roles_on_a_timer_trigger_are_refused()
    {
        var json = Minimal.With("{ \"action\": \"approve\" }", "{ \"event\": \"paid\", \"roles\": [\"case-handler\"] }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal("DW2006", diagnostic.Code);
        Assert.Equal("transitions[1].trigger.roles", diagnostic.Path);
    }

    [Fact]
    public void A_title_without_french_is_refused()
    {
        var json = Minimal.With("{ \"fr\": \"Essai\", \"en\": \"Test\" }", "{ \"en\": \"Test\" }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal("DW2008", diagnostic.Code);
        Assert.Equal("title.fr", diagnostic.Path);
        Assert.Equal(TestDefinitions.PositionOf(json, "{ \"en\": \"Test\" }"), diagnostic.Position);
    }

    [Fact]
    public void An_unknown_culture_is_an_unknown_property()
    {
        var json = Minimal.With("\"en\": \"Test\"", "\"es\": \"Prueba\"");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal("DW2004", diagnostic.Code);
        Assert.Equal("title.es", diagnostic.Path);
    }

    [Fact]
    public void An_unknown_action_type_lists_the_known_ones()
    {
        var json = Minimal.With("\"trigger\": { \"action\": \"approve\" }", "\"trigger\": { \"action\": \"approve\" }, \"actions\": [{ \"type\": \"sendFax\" }]");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal("DW2009", diagnostic.Code);
        Assert.Equal("transitions[1].actions[0].type", diagnostic.Path);
        Assert.Equal(TestDefinitions.PositionOf(json, "\"sendFax\""), diagnostic.Position);
        Assert.Contains("createDeadline", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guard_condition_that_is_not_a_known_form_is_refused()
    {
        var json = Minimal.With("\"trigger\": { \"action\": \"approve\" }", "\"trigger\": { \"action\": \"approve\" }, \"guard\": { \"ruleSet\": \"eligibility\", \"asOf\": \"today\", \"when\": \"somePassed\" }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal("DW2006", diagnostic.Code);
        Assert.Equal("transitions[1].guard.when", diagnostic.Path);
        Assert.Equal(TestDefinitions.PositionOf(json, "\"somePassed\""), diagnostic.Position);
    }

    [Theory]
    [InlineData("{ \"iso\": \"P30D\" }", DurationKind.Iso)]
    [InlineData("{ \"iso\": \"PT48H\" }", DurationKind.Iso)]
    [InlineData("{ \"calendarDays\": 30 }", DurationKind.CalendarDays)]
    [InlineData("{ \"workingDays\": 5 }", DurationKind.WorkingDays)]
    [InlineData("{ \"parameter\": \"voucher.decisionDelay\" }", DurationKind.Parameter)]
    public void Every_duration_form_is_read(string duration, DurationKind kind)
    {
        var definition = TestDefinitions.Load(DeadlineJson(duration));

        var create = Assert.IsType<CreateDeadlineAction>(definition.States[1].OnEntry[0]);
        Assert.Equal(kind, create.Duration.Kind);
    }

    [Theory]
    [InlineData("{ \"iso\": \"30 days\" }")]
    [InlineData("{ \"iso\": \"P\" }")]
    [InlineData("{ \"workingDays\": 5, \"calendarDays\": 7 }")]
    [InlineData("{ \"workingDays\": -1 }")]
    public void An_invalid_duration_is_refused(string duration)
    {
        var diagnostics = WorkflowDefinitionLoader.Load(DeadlineJson(duration)).Diagnostics;

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("DW2006", diagnostic.Code);
        Assert.StartsWith("states[1].onEntry[0].duration", diagnostic.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Transitions_without_an_id_get_one_from_their_endpoints_and_trigger()
    {
        var definition = TestDefinitions.Load(Minimal.Json);

        Assert.Equal("draft->review:submit", definition.Transitions[0].Id);
    }

    private static string DeadlineJson(string duration) => Minimal.With(
        "\"roles\": [\"case-handler\"] }",
        $"\"roles\": [\"case-handler\"], \"onEntry\": [{{ \"type\": \"createDeadline\", \"deadline\": \"decision\", \"duration\": {duration} }}] }}");
}
