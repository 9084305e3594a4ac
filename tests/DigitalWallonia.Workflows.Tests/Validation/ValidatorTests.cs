using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Tests.Support;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Tests.Validation;

public class ValidatorTests
{
    private const string SubmitTransition = "{ \"from\": \"draft\", \"to\": \"review\", \"trigger\": { \"action\": \"submit\" } }";
    private const string ApproveTransition = "{ \"from\": \"review\", \"to\": \"done\", \"trigger\": { \"action\": \"approve\" } }";

    [Fact]
    public void A_state_defined_twice_is_reported_at_the_second_id()
    {
        var json = Minimal.With("{ \"id\": \"done\", \"kind\": \"final\"", "{ \"id\": \"review\", \"kind\": \"final\", \"labels\": { \"fr\": \"x\" } },\n    { \"id\": \"done\", \"kind\": \"final\"");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2010", "states[2].id", json, "\"review\", \"kind\": \"final\"");
    }

    [Fact]
    public void A_transition_id_used_twice_is_reported()
    {
        var json = Minimal.With(SubmitTransition, SubmitTransition.Replace("{ \"from\"", "{ \"id\": \"go\", \"from\"", StringComparison.Ordinal))
            .Replace(ApproveTransition, ApproveTransition.Replace("{ \"from\"", "{ \"id\": \"go\", \"from\"", StringComparison.Ordinal), StringComparison.Ordinal);

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2011", "transitions[1].id", json, "\"go\", \"from\": \"review\"");
    }

    [Fact]
    public void An_unknown_target_state_is_reported_with_a_suggestion()
    {
        var json = Minimal.With("\"to\": \"done\"", "\"to\": \"dome\"");

        var diagnostics = TestDefinitions.Check(json);

        var diagnostic = Assert.Single(diagnostics, d => d.Code == "DW2020");
        AssertAt(diagnostic, "DW2020", "transitions[1].to", json, "\"dome\"");
        Assert.Equal("unknown state 'dome'; did you mean 'done'?", diagnostic.Message);
        Assert.Equal($"test.json:{diagnostic.Position.Line}:{diagnostic.Position.Column}: DW2020: unknown state 'dome'; did you mean 'done'? (transitions[1].to)", diagnostic.ToString());
    }

    [Fact]
    public void An_unknown_source_state_is_reported()
    {
        var json = Minimal.With("\"from\": \"review\"", "\"from\": \"nowhere\"");

        var diagnostic = Assert.Single(TestDefinitions.Check(json), d => d.Code == "DW2020");

        AssertAt(diagnostic, "DW2020", "transitions[1].from", json, "\"nowhere\"");
    }

    [Fact]
    public void An_unknown_role_is_reported_at_its_place_in_the_list()
    {
        var json = Minimal.With("\"roles\": [\"case-handler\"]", "\"roles\": [\"case-handler\", \"case-handlr\"]");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2021", "states[1].roles[1]", json, "\"case-handlr\"");
        Assert.Contains("did you mean 'case-handler'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_role_among_notification_recipients_is_reported()
    {
        var json = WithApproveActions("{ \"type\": \"notify\", \"template\": \"granted\", \"to\": [\"applicant\", \"accountant\"] }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2021", "transitions[1].actions[0].to[1]", json, "\"accountant\"");
    }

    [Fact]
    public void An_unknown_template_is_reported()
    {
        var json = WithApproveActions("{ \"type\": \"notify\", \"template\": \"grnted\", \"to\": [\"applicant\"] }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2022", "transitions[1].actions[0].template", json, "\"grnted\"");
    }

    [Fact]
    public void An_unknown_template_in_a_reminder_is_reported()
    {
        var json = Minimal.With("\"roles\": [\"case-handler\"] }", "\"roles\": [\"case-handler\"], \"onEntry\": [{ \"type\": \"createDeadline\", \"deadline\": \"decision\", \"duration\": { \"workingDays\": 5 }, \"reminders\": [{ \"before\": { \"workingDays\": 1 }, \"template\": \"nag\", \"to\": [\"case-handler\"] }] }] }")
            .Replace(ApproveTransition, ApproveTransition + ",\n    { \"from\": \"review\", \"to\": \"done\", \"trigger\": { \"timer\": \"decision\" } }", StringComparison.Ordinal);

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2022", "states[1].onEntry[0].reminders[0].template", json, "\"nag\"");
    }

    [Fact]
    public void An_unknown_rule_set_in_a_guard_is_reported()
    {
        var json = Minimal.With("\"trigger\": { \"action\": \"approve\" }", "\"trigger\": { \"action\": \"approve\" }, \"guard\": { \"ruleSet\": \"eligibilty\", \"asOf\": \"submitted\" }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2023", "transitions[1].guard.ruleSet", json, "\"eligibilty\"");
        Assert.Contains("did you mean 'eligibility'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_rule_set_in_an_action_is_reported()
    {
        var json = WithApproveActions("{ \"type\": \"setField\", \"field\": \"amount\", \"ruleSet\": \"ceilings\", \"output\": \"amount\" }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2023", "transitions[1].actions[0].ruleSet", json, "\"ceilings\"");
    }

    [Fact]
    public void Catalogues_left_out_are_not_checked()
    {
        var json = WithApproveActions("{ \"type\": \"notify\", \"template\": \"anything\", \"to\": [\"anyone\"] }");

        Assert.Empty(WorkflowValidator.Validate(TestDefinitions.Load(json)));
    }

    [Fact]
    public void A_workflow_without_an_initial_state_is_reported()
    {
        var json = Minimal.With("\"kind\": \"initial\", ", string.Empty);

        var diagnostics = TestDefinitions.Check(json);

        var diagnostic = Assert.Single(diagnostics, d => d.Code == "DW2030");
        AssertAt(diagnostic, "DW2030", "states", json, "[\n    { \"id\": \"draft\"");
    }

    [Fact]
    public void A_second_initial_state_is_reported_at_its_kind()
    {
        var json = Minimal.With("{ \"id\": \"review\", \"labels\"", "{ \"id\": \"review\", \"kind\": \"initial\", \"labels\"");

        var diagnostic = Assert.Single(TestDefinitions.Check(json), d => d.Code == "DW2031");

        AssertAt(diagnostic, "DW2031", "states[1].kind", json, "\"initial\", \"labels\": { \"fr\": \"Examen\"");
    }

    [Fact]
    public void An_unreachable_state_is_reported()
    {
        var json = Minimal.With("{ \"id\": \"done\"", "{ \"id\": \"orphan\", \"kind\": \"final\", \"labels\": { \"fr\": \"Orphelin\" } },\n    { \"id\": \"done\"");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2032", "states[2].id", json, "\"orphan\"");
        Assert.Equal("state 'orphan' cannot be reached from the initial state", diagnostic.Message);
    }

    [Fact]
    public void A_normal_state_with_no_way_out_is_a_dead_end()
    {
        var json = Minimal.With(ApproveTransition, "{ \"from\": \"draft\", \"to\": \"done\", \"trigger\": { \"action\": \"abandon\" } }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2033", "states[1].id", json, "\"review\"");
    }

    [Fact]
    public void A_transition_out_of_a_final_state_is_reported()
    {
        var json = Minimal.With(ApproveTransition, ApproveTransition + ",\n    { \"from\": \"done\", \"to\": \"review\", \"trigger\": { \"action\": \"reopen\", \"roles\": [\"case-handler\"] } }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2034", "transitions[2].from", json, "\"done\", \"to\": \"review\"");
    }

    [Fact]
    public void The_same_action_from_the_same_state_with_overlapping_roles_and_no_guard_is_ambiguous()
    {
        var json = Minimal.With(ApproveTransition, ApproveTransition + ",\n    { \"from\": \"review\", \"to\": \"draft\", \"trigger\": { \"action\": \"approve\", \"roles\": [\"case-handler\", \"supervisor\"] } }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2035", "transitions[2].trigger", json, "{ \"action\": \"approve\", \"roles\"");
        Assert.Equal("trigger 'approve' from state 'review' is ambiguous with transition 'review->done:approve': the roles overlap and no guard tells them apart", diagnostic.Message);
    }

    [Fact]
    public void The_same_action_for_disjoint_roles_is_not_ambiguous()
    {
        var json = Minimal.With(ApproveTransition, ApproveTransition + ",\n    { \"from\": \"review\", \"to\": \"draft\", \"trigger\": { \"action\": \"approve\", \"roles\": [\"supervisor\"] } }");

        Assert.Empty(TestDefinitions.Check(json));
    }

    [Fact]
    public void The_same_action_after_a_guarded_alternative_is_not_ambiguous()
    {
        var guarded = "{ \"from\": \"review\", \"to\": \"draft\", \"trigger\": { \"action\": \"approve\" }, \"guard\": { \"ruleSet\": \"amount\", \"asOf\": \"today\", \"when\": \"rule:AboveThreshold\" } }";
        var json = Minimal.With(ApproveTransition, guarded + ",\n    " + ApproveTransition);

        Assert.Empty(TestDefinitions.Check(json));
    }

    [Fact]
    public void Two_unguarded_timers_on_the_same_deadline_are_ambiguous()
    {
        var json = WithDecisionDeadline()
            .Replace(ApproveTransition, ApproveTransition + ",\n    { \"from\": \"review\", \"to\": \"done\", \"trigger\": { \"timer\": \"decision\" } },\n    { \"from\": \"review\", \"to\": \"draft\", \"trigger\": { \"timer\": \"decision\" } }", StringComparison.Ordinal);

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        Assert.Equal(("DW2035", "transitions[3].trigger"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(TestDefinitions.PositionOfLast(json, "{ \"timer\": \"decision\" }"), diagnostic.Position);
    }

    [Fact]
    public void A_timer_on_a_deadline_nothing_creates_is_reported()
    {
        var json = Minimal.With(ApproveTransition, ApproveTransition + ",\n    { \"from\": \"review\", \"to\": \"done\", \"trigger\": { \"timer\": \"decison\" } }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2036", "transitions[2].trigger.timer", json, "\"decison\"");
    }

    [Fact]
    public void A_deadline_with_no_timer_leaving_its_state_is_reported()
    {
        var json = WithDecisionDeadline();

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2037", "states[1].onEntry[0].deadline", json, "\"decision\"");
        Assert.Equal("deadline 'decision' is created for state 'review' but no timer transition leaves 'review' on it, so it would fire into nothing", diagnostic.Message);
    }

    [Fact]
    public void A_dossier_scoped_deadline_needs_a_timer_somewhere_and_is_warned_about_where_none_waits()
    {
        var json = WithDecisionDeadline().Replace("\"deadline\": \"decision\",", "\"deadline\": \"decision\", \"scope\": \"dossier\",", StringComparison.Ordinal)
            .Replace(SubmitTransition, SubmitTransition + ",\n    { \"from\": \"draft\", \"to\": \"done\", \"trigger\": { \"timer\": \"decision\" } }", StringComparison.Ordinal);

        var diagnostic = Assert.Single(TestDefinitions.Check(json)); // no DW2037: a timer somewhere answers it

        AssertAt(diagnostic, "DW2045", "states[1].onEntry[0].deadline", json, "\"decision\"");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("state 'review'", diagnostic.Message, StringComparison.Ordinal);
    }

    // The cyber label's case (workflow v1): the label's deadline is answered where the label is held, but not in a
    // state reached meanwhile, where it would fall due and change nothing.
    [Fact]
    public void A_dossier_deadline_still_open_in_a_state_without_its_timer_is_warned_once_at_its_creation()
    {
        var json = WithDossierDeadlineAndHold(holdActions: "", holdTimer: false);

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2045", "transitions[0].actions[0].deadline", json, "\"decision\"");
        Assert.Equal("deadline 'decision' lives with the dossier and may still be open in state 'hold', where no timer transition waits for it: "
            + "falling due there it would change nothing; add a timer transition from 'hold' or cancel it on the way", diagnostic.Message);
    }

    [Theory]
    [InlineData("\"actions\": [{ \"type\": \"cancelDeadline\", \"deadline\": \"decision\" }], ", false)] // cancelled on the way
    [InlineData("", true)] // waited for there too
    public void A_dossier_deadline_cancelled_on_the_way_or_waited_for_everywhere_is_not_warned(string holdActions, bool holdTimer)
    {
        Assert.Empty(TestDefinitions.Check(WithDossierDeadlineAndHold(holdActions, holdTimer)));
    }

    [Fact]
    public void A_state_left_only_by_automatic_transitions_is_passed_through_not_waited_in()
    {
        var json = WithDossierDeadlineAndHold(holdActions: "", holdTimer: false)
            .Replace("{ \"from\": \"hold\", \"to\": \"review\", \"trigger\": { \"action\": \"resume\" } }",
                "{ \"from\": \"hold\", \"to\": \"review\", \"trigger\": { \"automatic\": true } }", StringComparison.Ordinal);

        Assert.Empty(TestDefinitions.Check(json));
    }

    [Fact]
    public void Segregation_of_duties_on_an_action_no_transition_has_is_reported()
    {
        var json = WithApproveActions("{ \"type\": \"requireDifferentActor\", \"action\": \"propose\" }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2038", "transitions[1].actions[0].action", json, "\"propose\"");
    }

    // Four eyes on a transition nobody takes would look like a control and be none.
    [Theory]
    [InlineData("{ \"automatic\": true }", "automatic")]
    [InlineData("{ \"event\": \"payment-confirmed\" }", "event payment-confirmed")]
    public void Segregation_of_duties_on_a_transition_no_person_takes_is_reported(string trigger, string described)
    {
        var json = WithApproveActions("{ \"type\": \"requireDifferentActor\", \"action\": \"submit\" }")
            .Replace("\"trigger\": { \"action\": \"approve\" }", $"\"trigger\": {trigger}", StringComparison.Ordinal);

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2046", "transitions[1].actions[0]", json, "{ \"type\": \"requireDifferentActor\"");
        Assert.Contains("nobody takes 'review->done", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"({described})", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Automatic_transitions_without_guards_that_loop_are_reported()
    {
        var json = Minimal.With(ApproveTransition, ApproveTransition + ",\n    { \"from\": \"review\", \"to\": \"hold\", \"trigger\": { \"action\": \"hold\" } },\n    { \"from\": \"hold\", \"to\": \"park\", \"trigger\": { \"automatic\": true } },\n    { \"from\": \"park\", \"to\": \"hold\", \"trigger\": { \"automatic\": true } }")
            .Replace("{ \"id\": \"done\"", "{ \"id\": \"hold\", \"labels\": { \"fr\": \"A\" } },\n    { \"id\": \"park\", \"labels\": { \"fr\": \"B\" } },\n    { \"id\": \"done\"", StringComparison.Ordinal);

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2039", "transitions[3].trigger", json, "{ \"automatic\": true } },\n    { \"from\": \"park\"");
        Assert.Equal("automatic transitions without guards loop forever: hold -> park -> hold", diagnostic.Message);
    }

    [Fact]
    public void Segregation_of_duties_on_state_entry_is_reported()
    {
        var json = Minimal.With("\"roles\": [\"case-handler\"] }", "\"roles\": [\"case-handler\"], \"onEntry\": [{ \"type\": \"requireDifferentActor\", \"action\": \"submit\" }] }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2040", "states[1].onEntry[0]", json, "{ \"type\": \"requireDifferentActor\"");
    }

    [Fact]
    public void Cancelling_a_deadline_nothing_creates_is_reported()
    {
        var json = WithApproveActions("{ \"type\": \"cancelDeadline\", \"deadline\": \"decision\" }");

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2041", "transitions[1].actions[0].deadline", json, "\"decision\"");
    }

    [Fact]
    public void An_action_nobody_may_do_is_reported()
    {
        var json = Minimal.With(", \"roles\": [\"case-handler\"]", string.Empty);

        var diagnostic = Assert.Single(TestDefinitions.Check(json));

        AssertAt(diagnostic, "DW2042", "transitions[1].trigger.action", json, "\"approve\"");
    }

    [Fact]
    public void A_role_defined_twice_in_the_catalogue_is_reported()
    {
        var json = "{ \"roles\": [\n  { \"key\": \"expert\", \"scope\": \"party\", \"labels\": { \"fr\": \"Expert\" } },\n  { \"key\": \"expert\", \"scope\": \"global\", \"labels\": { \"fr\": \"Expert\" } }\n] }";

        var (_, diagnostics) = RoleCatalogueLoader.Load(json, "roles.json");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("DW2050", diagnostic.Code);
        Assert.Equal("roles[1].key", diagnostic.Path);
        Assert.Equal(new Definitions.SourcePosition(3, 12), diagnostic.Position);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_pass()
    {
        var json = Minimal.With("\"to\": \"done\"", "\"to\": \"dome\"").Replace("\"roles\": [\"applicant\"]", "\"roles\": [\"aplicant\"]", StringComparison.Ordinal);

        var codes = TestDefinitions.Check(json).Select(d => d.Code).ToList();

        Assert.Contains("DW2020", codes);
        Assert.Contains("DW2021", codes);
        Assert.Contains("DW2032", codes);
    }

    private static string WithApproveActions(string action) =>
        Minimal.With("\"trigger\": { \"action\": \"approve\" }", $"\"trigger\": {{ \"action\": \"approve\" }}, \"actions\": [{action}]");

    // A dossier-scoped deadline created on submit and answered in review; review may be put on hold (and resumed).
    private static string WithDossierDeadlineAndHold(string holdActions, bool holdTimer) =>
        Minimal.With(SubmitTransition,
                "{ \"from\": \"draft\", \"to\": \"review\", \"trigger\": { \"action\": \"submit\" }, \"actions\": [{ \"type\": \"createDeadline\", \"deadline\": \"decision\", \"scope\": \"dossier\", \"duration\": { \"workingDays\": 5 } }] }")
            .Replace(ApproveTransition, ApproveTransition
                + ",\n    { \"from\": \"review\", \"to\": \"done\", \"trigger\": { \"timer\": \"decision\" } }"
                + $",\n    {{ \"from\": \"review\", \"to\": \"hold\", {holdActions}\"trigger\": {{ \"action\": \"hold\" }} }}"
                + ",\n    { \"from\": \"hold\", \"to\": \"review\", \"trigger\": { \"action\": \"resume\" } }"
                + (holdTimer ? ",\n    { \"from\": \"hold\", \"to\": \"done\", \"trigger\": { \"timer\": \"decision\" } }" : ""), StringComparison.Ordinal)
            .Replace("{ \"id\": \"done\"", "{ \"id\": \"hold\", \"labels\": { \"fr\": \"En attente\" }, \"roles\": [\"case-handler\"] },\n    { \"id\": \"done\"", StringComparison.Ordinal);

    private static string WithDecisionDeadline() =>
        Minimal.With("\"roles\": [\"case-handler\"] }", "\"roles\": [\"case-handler\"], \"onEntry\": [{ \"type\": \"createDeadline\", \"deadline\": \"decision\", \"duration\": { \"workingDays\": 5 } }] }");

    private static void AssertAt(WorkflowDiagnostic diagnostic, string code, string path, string json, string marker)
    {
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(path, diagnostic.Path);
        Assert.Equal(TestDefinitions.PositionOf(json, marker), diagnostic.Position);
        Assert.Equal("test.json", diagnostic.File);
    }
}
