using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using DigitalWallonia.Workflows.Tests.Support;

namespace DigitalWallonia.Workflows.Tests.Content;

/// <summary>
/// The shipped Digital Wallonia label workflow on the pure runtime, for the paths the platform tests
/// (LabelProgrammeTests) do not drive: a refused renewal, expiry during a renewal or a suspension, withdrawal of a
/// suspended label, abandon, and who may do what.
/// </summary>
public class LabelWorkflowTests
{
    private static readonly FiringMoment AppliedAt = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), new DateOnly(2026, 3, 2));
    private static readonly FiringMoment Later = new(new DateTimeOffset(2028, 12, 21, 9, 0, 0, TimeSpan.Zero), new DateOnly(2028, 12, 21));
    private static readonly Actor Promoter = new("sub-promoter", "Sofia Martin", ["promoter"], "42");
    private static readonly Actor Committee = new("sub-committee", "Chloé Renard", ["committee-member"]);

    private readonly WorkflowDefinition _label;
    private readonly WorkflowRuntime _runtime;

    public LabelWorkflowTests()
    {
        var (roles, _) = RoleCatalogueLoader.Load(File.ReadAllBytes(Path.Combine(Repository.Root, "workflows", "roles.json")));
        Assert.NotNull(roles);
        var loaded = WorkflowDefinitionLoader.Load(File.ReadAllBytes(Path.Combine(Repository.Root, "workflows", "label.json")), "label.json");
        Assert.NotNull(loaded.Definition);
        _label = loaded.Definition;
        _runtime = new WorkflowRuntime(roles, new TableGuardEvaluator()
            .Answer("label-charter", TableGuardEvaluator.Passed())
            .Answer("label-validity", new GuardOutcome(true, "1")
            {
                Outputs = new Dictionary<string, JsonElement> { ["validUntil"] = JsonSerializer.SerializeToElement("2029-03-01") },
            }));
    }

    [Fact]
    public void A_refused_renewal_keeps_the_label_and_its_expiry_deadline()
    {
        var instance = Labelled();
        Fire(ref instance, Action("apply-renewal", ("charterVersion", "2019"), ("commitments", new[] { "plan-priorities" }), ("evidence", Array.Empty<object>())), Promoter, Later);

        var refused = Fire(ref instance, Action("refuse-renewal", ("refusalReason", "Suivi annuel non remis.")), Committee, Later);

        Assert.Equal("labelled", instance.State);
        Assert.Equal("refusal", Assert.Single(refused.EffectsOf<DecisionRequested>()).Decision);
        Assert.Equal(new DocumentRequested("decision-letter", "label-renewal-refused") { Step = 0 }, Assert.Single(refused.EffectsOf<DocumentRequested>()));
        Assert.Equal([new OpenDeadline("expiry", "labelled", DeadlineScope.Dossier)], instance.OpenDeadlines);
    }

    [Theory]
    [InlineData("renewal-review", "expire-during-renewal")]
    [InlineData("suspended", "expire-suspended")]
    [InlineData("labelled", "expire")]
    public void The_expiry_ends_the_label_whatever_the_committee_is_doing(string state, string transition)
    {
        var instance = Labelled() with { State = state };

        var expired = Fire(ref instance, new TimerFired("expiry"), Actor.System, Later);

        Assert.Equal("expired", instance.State);
        Assert.Equal(transition, Assert.Single(expired.Steps).TransitionId);
        Assert.Equal("label-expired", Assert.Single(expired.EffectsOf<NotificationRequested>()).Template);
        Assert.Empty(instance.OpenDeadlines);
    }

    [Fact]
    public void A_suspended_label_can_be_withdrawn_and_its_expiry_is_cancelled()
    {
        var instance = Labelled();
        Fire(ref instance, Action("suspend", ("suspensionReason", "Site hors ligne.")), Committee, Later);

        var withdrawn = Fire(ref instance, Action("withdraw", ("withdrawalReason", "Site fermé.")), Committee, Later);

        Assert.Equal(("withdrawn", "withdraw-suspended"), (instance.State, Assert.Single(withdrawn.Steps).TransitionId));
        Assert.Contains(new DeadlineCancelled("expiry", DeadlineCancelReason.Action) { Step = 0 }, withdrawn.Effects);
        Assert.Empty(instance.OpenDeadlines);
    }

    [Fact]
    public void Only_the_committee_labels_suspends_and_withdraws_and_only_the_promoter_applies()
    {
        var instance = Applied();

        Assert.Equal(RejectionReason.RoleMissing, _runtime.Fire(_label, instance, Action("label"), Promoter, Later).Rejection?.Reason);
        var labelled = Labelled();
        Assert.Equal(RejectionReason.RoleMissing, _runtime.Fire(_label, labelled, Action("suspend", ("suspensionReason", "x")), Promoter, Later).Rejection?.Reason);
        Assert.Equal(RejectionReason.RoleMissing, _runtime.Fire(_label, labelled, Action("withdraw", ("withdrawalReason", "x")), Promoter, Later).Rejection?.Reason);
        Assert.Equal(RejectionReason.RoleMissing,
            _runtime.Fire(_label, labelled, Action("apply-renewal", ("charterVersion", "2019"), ("commitments", "x"), ("evidence", "x")), Committee, Later).Rejection?.Reason);
        Assert.Equal(RejectionReason.RoleMissing, _runtime.Fire(_label, labelled, Action("apply-renewal", ("charterVersion", "2019"), ("commitments", "x"), ("evidence", "x")),
            Promoter with { PartyId = "43" }, Later).Rejection?.Reason);
    }

    [Fact]
    public void A_promoter_may_abandon_its_draft()
    {
        var instance = WorkflowInstance.New(_label, [new PartyLink("promoter", "42")], new LegalDates(AppliedAt.Today));

        Fire(ref instance, Action("abandon"), Promoter, AppliedAt);

        Assert.Equal("abandoned", instance.State);
    }

    private WorkflowInstance Applied()
    {
        var instance = WorkflowInstance.New(_label, [new PartyLink("promoter", "42")], new LegalDates(AppliedAt.Today));
        Fire(ref instance, Action("apply", ("initiative", new { name = "Wallonie Code Club", website = "https://codeclub.example", category = "digital-skills" }), ("charterVersion", "2019"), ("commitments", new[] { "plan-priorities" }),
            ("evidence", Array.Empty<object>())), Promoter, AppliedAt);
        Assert.Equal([new OpenDeadline("decision", "committee-review", DeadlineScope.State)], instance.OpenDeadlines);
        return instance;
    }

    private WorkflowInstance Labelled()
    {
        var instance = Applied();
        Fire(ref instance, Action("label"), Committee, AppliedAt);
        Assert.Equal("labelled", instance.State);
        return instance;
    }

    private WorkflowOutcome Fire(ref WorkflowInstance instance, WorkflowTrigger trigger, Actor actor, FiringMoment moment)
    {
        var outcome = _runtime.Fire(_label, instance, trigger, actor, moment).Accepted();
        instance = outcome.ApplyTo(instance);
        return outcome;
    }

    private static ActorActionFired Action(string name, params (string Field, object Value)[] input) => GrantWorkflow.Action(name, [.. input.Select(i => (i.Field, (object?)i.Value))]);
}
