using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using DigitalWallonia.Workflows.Tests.Support;

namespace DigitalWallonia.Workflows.Tests.Content;

/// <summary>Drives the shipped technology-voucher workflow through its main paths with a table evaluator.</summary>
public class VoucherWorkflowTests
{
    private static readonly FiringMoment SubmittedAt = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), new DateOnly(2026, 3, 2));
    private static readonly FiringMoment DecidedAt = new(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), new DateOnly(2026, 3, 10));
    private static readonly Actor Company = new("sub-company", "Claire Dupont", ["applicant"], "BE0123456789");
    private static readonly Actor Provider = new("sub-provider", "Tech SRL", ["provider"], "BE0555555555");
    private static readonly Actor Handler = new("sub-handler", "Luc Martin", ["case-handler"]);

    private readonly WorkflowDefinition _voucher;
    private readonly WorkflowRuntime _runtime;

    public VoucherWorkflowTests()
    {
        var root = Repository.Root;
        var (roles, _) = RoleCatalogueLoader.Load(File.ReadAllBytes(Path.Combine(root, "workflows", "roles.json")));
        Assert.NotNull(roles);
        var loaded = WorkflowDefinitionLoader.Load(File.ReadAllBytes(Path.Combine(root, "workflows", "voucher.json")), "voucher.json");
        Assert.NotNull(loaded.Definition);
        _voucher = loaded.Definition;
        _runtime = new WorkflowRuntime(roles, new TableGuardEvaluator()
            .Answer("voucher-eligibility", TableGuardEvaluator.Passed("voucher-eligibility-2026.1"))
            .Answer("voucher-grant", TableGuardEvaluator.Passed("voucher-grant-1"))
            .Answer("voucher-amount", new GuardOutcome(true, "voucher-amount-2026.1")
            {
                Outputs = new Dictionary<string, JsonElement>
                {
                    ["amount"] = JsonSerializer.SerializeToElement(3750m),
                    ["rate"] = JsonSerializer.SerializeToElement(0.5m),
                    ["useBy"] = JsonSerializer.SerializeToElement<string?>(null), // no scheme closure for a 2026 request
                },
            })
            .Answer("voucher-payment", new GuardOutcome(true, "voucher-payment-2026.1")
            {
                SuccessEvents = ["PaymentDue"],
                Outputs = new Dictionary<string, JsonElement> { ["amount"] = JsonSerializer.SerializeToElement(3750m) },
            }));
    }

    [Fact]
    public void A_voucher_not_decided_in_time_is_accepted_automatically_then_consumed_and_paid()
    {
        var instance = Submitted();
        Assert.Equal("under-review", instance.State);
        Assert.Equal([new OpenDeadline("decision", "submitted", DeadlineScope.Dossier)], instance.OpenDeadlines);

        var accepted = Fire(ref instance, new TimerFired("decision"), Actor.System, DecidedAt);
        Assert.Equal("approved", instance.State);
        Assert.Equal("grant", Assert.Single(accepted.EffectsOf<DecisionRequested>()).Decision);
        Assert.Equal([("grantedAmount", "3750"), ("grantedRate", "0.5"), ("grantedUseBy", "null")], accepted.EffectsOf<DossierFieldSet>().Select(f => (f.Field, f.Value.GetRawText())));
        Assert.Equal(["consumption"], instance.OpenDeadlines.Select(d => d.Kind));

        var consumed = Fire(ref instance, Action("declare-consumption", ("consumption", new { invoiceReference = "F-2026-17", invoicedAmount = 5000, invoiceDate = "2026-04-10" })), Provider, DecidedAt);
        Assert.Equal("consumed", instance.State);
        Assert.Equal(new DeadlineCancelled("consumption", DeadlineCancelReason.StateLeft) { Step = 0 }, Assert.Single(consumed.EffectsOf<DeadlineCancelled>()));

        var validated = Fire(ref instance, Action("validate-consumption"), Handler, DecidedAt);
        Assert.Equal("provider-payment", Assert.Single(validated.EffectsOf<InstalmentScheduled>()).Instalment);

        Fire(ref instance, new ExternalEventReceived("payment-confirmed"), Actor.System, DecidedAt);
        Assert.Equal("paid", instance.State);
        Assert.Empty(instance.OpenDeadlines);
    }

    [Fact]
    public void A_voucher_refused_in_time_cancels_the_decision_deadline()
    {
        var instance = Submitted();

        var refused = Fire(ref instance, Action("refuse", ("reason", "Prestataire non labellisé")), Handler, DecidedAt);

        Assert.Equal("refused", instance.State);
        Assert.Contains(new DeadlineCancelled("decision", DeadlineCancelReason.Action) { Step = 0 }, refused.Effects);
        Assert.Empty(instance.OpenDeadlines);
        Assert.Equal(new DocumentRequested("decision-letter", "voucher-refused") { Step = 0 }, Assert.Single(refused.EffectsOf<DocumentRequested>()));
    }

    [Fact]
    public void Another_company_cannot_declare_consumption_on_the_voucher()
    {
        var instance = Submitted();
        Fire(ref instance, Action("approve"), Handler, DecidedAt);
        var otherProvider = Provider with { PartyId = "BE0777777777" };

        var result = _runtime.Fire(_voucher, instance, Action("declare-consumption", ("consumption", new { invoiceReference = "X", invoicedAmount = 1, invoiceDate = "2026-04-10" })), otherProvider, DecidedAt);

        Assert.Equal(RejectionReason.RoleMissing, result.Rejection?.Reason);
    }

    private WorkflowInstance Submitted()
    {
        PartyLink[] parties = [new("applicant", "BE0123456789"), new("provider", "BE0555555555")];
        var instance = WorkflowInstance.New(_voucher, parties, new LegalDates(SubmittedAt.Today));
        Fire(ref instance, Action("submit", ("service", "Audit de maturité numérique"), ("requestedAmount", 5000),
            ("declaration", new { enterprise = new { staffHeadcount = 12, annualTurnover = 1_500_000 } })), Company, SubmittedAt);
        return instance;
    }

    private WorkflowOutcome Fire(ref WorkflowInstance instance, WorkflowTrigger trigger, Actor actor, FiringMoment moment)
    {
        var outcome = _runtime.Fire(_voucher, instance, trigger, actor, moment).Accepted();
        instance = outcome.ApplyTo(instance);
        return outcome;
    }

    private static ActorActionFired Action(string name, params (string Field, object Value)[] input) => GrantWorkflow.Action(name, [.. input.Select(i => (i.Field, (object?)i.Value))]);
}
