using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// Technology vouchers on the shipped content (workflows/voucher.json, rules/voucher, templates, the provider register),
/// driven to each final outcome with the real deadline sweeper on the test clock.
/// </summary>
public class VoucherProgrammeTests
{
    // Monday 2 March 2026: five working days later is Monday 9 March (24:00 Brussels).
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_request_not_decided_within_five_working_days_is_accepted_automatically_consumed_and_paid(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await VoucherScenario.StartAsync(platform, labelProvider: true);
        var reference = await scenario.SubmitAsync(requestedAmount: 20_000m);
        var sweeper = platform.Services.GetRequiredService<DeadlineSweeper>();

        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            Assert.Equal("under-review", dossier.State);
            var decision = await db.Deadlines.Include(d => d.Reminders).SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "decision");
            Assert.Equal(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 9)), decision.DueAt);
            Assert.Equal(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 5)), Assert.Single(decision.Reminders).DueAt); // 2 working days before
            Assert.Equal([("voucher-submitted", "dgo6@example.org"), ("voucher-submitted", "sofia@namurdigital.example")],
                await Messages(db, dossier.Id));
        }

        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 5)).AddMinutes(1));
        Assert.Equal(1, (await sweeper.SweepAsync(CancellationToken.None)).RemindersFired);
        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 9)).AddMinutes(1));
        Assert.Equal(1, (await sweeper.SweepAsync(CancellationToken.None)).DeadlinesFired);

        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            Assert.Equal("approved", dossier.State);
            var grant = await db.Decisions.SingleAsync(d => d.DossierId == dossier.Id);
            Assert.Equal(("grant", 10_000m, "system"), (grant.Kind, grant.Amount, grant.DecidedBy)); // 50 % since 1 July 2023
            var aid = await db.AidGrants.SingleAsync(a => a.DossierId == dossier.Id);
            Assert.Equal((scenario.Company.Id, 10_000m, AidRegulation.DeMinimis2023, "technology"),
                (aid.BeneficiaryPartyId, aid.Amount, aid.Regulation, aid.ChequeType));
            Assert.Equal("decision-letter", (await db.Documents.SingleAsync(d => d.DossierId == dossier.Id)).Kind);
            var sent = await Messages(db, dossier.Id);
            Assert.Contains(("voucher-decision-reminder", "dgo6@example.org"), sent);
            Assert.Contains(("voucher-accepted-automatically", "sofia@namurdigital.example"), sent);
            Assert.Contains(("voucher-accepted-automatically", "marc@conseil.example"), sent);
            var consumption = await db.Deadlines.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "consumption");
            Assert.Equal(DeadlineStatus.Pending, consumption.Status);
        }

        await scenario.FireAsync(reference, new ActorActionFired("declare-consumption")
        {
            Input = Input(("consumption", new { invoiceReference = "F-2026-0173", invoicedAmount = 18_000, invoiceDate = "2026-05-04" })),
        }, scenario.ProviderActor);
        await scenario.FireAsync(reference, new ActorActionFired("validate-consumption"), Handler);
        // A confirmation that names no instalment, or one not planned, is refused whole: it used to pay every planned one.
        var unnamed = await Assert.ThrowsAsync<PaymentNotRecordedException>(() =>
            scenario.FireAsync(reference, new ExternalEventReceived("payment-confirmed") { Payload = Input(("paidOn", "2026-05-20")) }, Actor.System));
        var unknown = await Assert.ThrowsAsync<PaymentNotRecordedException>(() =>
            scenario.FireAsync(reference, new ExternalEventReceived("payment-confirmed") { Payload = Input(("instalment", "bonus")) }, Actor.System));
        Assert.Contains("must name the instalment paid in its payload's \"instalment\" (planned: provider-payment); nothing was recorded", unnamed.Message, StringComparison.Ordinal);
        Assert.Contains("names the instalment 'bonus', which is not planned (planned: provider-payment)", unknown.Message, StringComparison.Ordinal);
        await scenario.FireAsync(reference, new ExternalEventReceived("payment-confirmed")
        {
            Payload = Input(("instalment", "provider-payment"), ("paidOn", "2026-05-20")),
        }, Actor.System);

        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            Assert.Equal("paid", dossier.State);
            var instalment = await db.Instalments.SingleAsync(i => i.DossierId == dossier.Id);
            Assert.Equal(("provider-payment", 9_000m, "paid"), (instalment.Name, instalment.Amount, instalment.Status)); // 18,000 x 50 %, below the 10,000 granted
            var paid = await db.AidGrantStatusChanges.SingleAsync(c => c.Status == AidGrantStatus.Paid);
            Assert.Equal((new DateOnly(2026, 5, 20), 9_000m), (paid.EffectiveOn, paid.Amount)); // the ledger follows the payment
            var sent = await Messages(db, dossier.Id);
            Assert.Contains(("voucher-consumed", "sofia@namurdigital.example"), sent);
            Assert.Contains(("voucher-paid", "marc@conseil.example"), sent);
            Assert.Equal(
                ["submit", "eligible", "accept-automatically", "declare-consumption", "validate-consumption", "confirm-payment"],
                await db.DossierHistory.Where(h => h.DossierId == dossier.Id).OrderBy(h => h.Sequence).Select(h => h.TransitionId).ToListAsync());
            var events = await db.AuditEvents.Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
            // Opened, six transitions, the reminder to the case handlers, the decision and its letter, the instalment scheduled and paid.
            Assert.Equal(["started", "transition", "transition", "reminder-sent", "decision", "document-issued", "transition", "transition",
                "instalment-scheduled", "transition", "transition", "instalment-paid"], events);
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, CancellationToken.None));
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_case_handler_refuses_within_the_delay_and_nothing_enters_the_ledger(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await VoucherScenario.StartAsync(platform, labelProvider: true);
        var reference = await scenario.SubmitAsync(requestedAmount: 20_000m);

        await scenario.FireAsync(reference, new ActorActionFired("refuse") { Input = Input(("reason", "Prestation hors du champ du chèque technologique")) }, Handler);
        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 9)).AddMinutes(1));
        var swept = await platform.Services.GetRequiredService<DeadlineSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(0, swept.DeadlinesFired); // the decision deadline was cancelled by the refusal
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("refused", dossier.State);
        var refusal = await db.Decisions.SingleAsync(d => d.DossierId == dossier.Id);
        Assert.Equal(("refusal", "handler-1"), (refusal.Kind, refusal.DecidedBy));
        Assert.False(await db.AidGrants.AnyAsync());
        Assert.Contains(("voucher-refused", "sofia@namurdigital.example"), await Messages(db, dossier.Id));
        Assert.Contains("hors du champ", dossier.FactsJson, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_granted_voucher_not_consumed_in_twelve_months_expires_after_a_reminder(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await VoucherScenario.StartAsync(platform, labelProvider: true);
        var reference = await scenario.SubmitAsync(requestedAmount: 4_000m);
        await scenario.FireAsync(reference, new ActorActionFired("approve"), Handler);
        var sweeper = platform.Services.GetRequiredService<DeadlineSweeper>();

        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2027, 2, 1)).AddMinutes(1)); // 30 days before 2 March 2027 at 24:00
        var reminded = await sweeper.SweepAsync(CancellationToken.None);
        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2027, 3, 2)).AddMinutes(1));
        var expired = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1), (reminded.RemindersFired, expired.DeadlinesFired));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("expired", dossier.State);
        Assert.Equal(2_000m, (await db.Decisions.SingleAsync(d => d.DossierId == dossier.Id)).Amount);
        var sent = await Messages(db, dossier.Id);
        Assert.Contains(("voucher-expiry-reminder", "marc@conseil.example"), sent);
        Assert.Contains(("voucher-expired", "sofia@namurdigital.example"), sent);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_provider_missing_from_the_register_sends_the_request_to_an_eligibility_check_whatever_the_company_claims(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await VoucherScenario.StartAsync(platform, labelProvider: false);
        var claimed = await Assert.ThrowsAsync<ArgumentException>(() => scenario.SubmitAsync(requestedAmount: 20_000m, claim: new { registered = true, validUntil = "2030-01-01" }));
        var reference = await scenario.SubmitAsync(requestedAmount: 20_000m);

        Assert.Contains("cannot be opened with 'provider'", claimed.Message, StringComparison.Ordinal);

        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            Assert.Equal("eligibility-review", dossier.State);
            var snapshots = await db.EvaluationSnapshots.Where(s => s.DossierId == dossier.Id && s.RuleSet == "voucher-eligibility").ToListAsync();
            Assert.NotEmpty(snapshots); // the evaluation on entering "submitted" and the guard's
            Assert.All(snapshots, s => Assert.False(s.Passed));
            Assert.All(snapshots, s => Assert.Contains(Texts(s.ExplanationJson), t => t.StartsWith("Le prestataire Conseil Numérique SPRL n'est pas labellisé", StringComparison.Ordinal)));
            Assert.Contains(("voucher-eligibility-issue", "dgo6@example.org"), await Messages(db, dossier.Id));
        }

        await scenario.FireAsync(reference, new ActorActionFired("refuse") { Input = Input(("reason", "Prestataire non labellisé")) }, Handler);
        await using var check = platform.Scope();
        var checkDb = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal("refused", (await checkDb.Dossiers.SingleAsync(d => d.Reference == reference)).State);
    }

    private static async Task<List<(string Template, string To)>> Messages(PlatformDbContext db, long dossierId) =>
        [.. (await db.OutboxMessages.Where(m => m.DossierId == dossierId).Select(m => new { m.TemplateKey, m.RecipientAddress }).ToListAsync())
            .Select(m => (m.TemplateKey, m.RecipientAddress)).Order()];

    // Every string in a JSON document (explanations keep their messages deep in the rule tree).
    private static List<string> Texts(string json)
    {
        var texts = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: texts.Add(e.GetString()!); break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) { Walk(p.Value); } break;
                case JsonValueKind.Array: foreach (var i in e.EnumerateArray()) { Walk(i); } break;
                default: break;
            }
        }

        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement);
        return texts;
    }

    /// <summary>A Walloon SME (Namur Digital), its provider (Conseil Numérique) labelled or not in the provider register.</summary>
    // Issue 13's attack: before typed inputs, a provider declaring its consumption could add grantedRate: 1 and
    // grantedAmount: 45000 to the input, which won over the facts, and a voucher granted 10,000 EUR at 50 % paid 40,000.
    [Theory, OnSqlite, OnPostgres]
    public async Task A_provider_slipping_a_granted_rate_and_amount_into_its_declaration_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, Monday, shippedContent: true);
        var scenario = await VoucherScenario.StartAsync(platform, labelProvider: true);
        var reference = await scenario.SubmitAsync(requestedAmount: 20_000m);
        await scenario.FireAsync(reference, new ActorActionFired("approve"), Handler);
        var consumption = new { invoiceReference = "F-2026-0173", invoicedAmount = 80_000, invoiceDate = "2026-05-04" };
        var before = await DossierFootprint.OfAsync(platform, reference);

        var beside = await FireAsync(platform, reference, new ActorActionFired("declare-consumption")
        {
            Input = Input(("consumption", consumption), ("grantedRate", 1), ("grantedAmount", 45_000)),
        }, scenario.ProviderActor);
        var inside = await FireAsync(platform, reference, new ActorActionFired("declare-consumption")
        {
            Input = Input(("consumption", new { consumption.invoiceReference, consumption.invoicedAmount, consumption.invoiceDate, grantedRate = 1 })),
        }, scenario.ProviderActor);

        Assert.Equal("invalid-input", beside.Rejection?.Code);
        Assert.Equal([("grantedRate", "undeclared"), ("grantedAmount", "undeclared")], beside.Rejection!.FieldErrors.Select(e => (e.Field, e.Code)));
        Assert.Contains("Field 'grantedRate' is not an input of this action; it takes: consumption.", beside.Rejection.Message, StringComparison.Ordinal);
        Assert.Equal(("consumption.grantedRate", "undeclared"), inside.Rejection!.FieldErrors.Select(e => (e.Field, e.Code)).Single());
        Assert.Equal(before, await DossierFootprint.OfAsync(platform, reference));

        // Declared as the definition asks, the same invoice is paid at the granted rate, within the granted amount.
        await scenario.FireAsync(reference, new ActorActionFired("declare-consumption") { Input = Input(("consumption", consumption)) }, scenario.ProviderActor);
        await scenario.FireAsync(reference, new ActorActionFired("validate-consumption"), Handler);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal(10_000m, (await db.Instalments.SingleAsync(i => i.DossierId == dossier.Id)).Amount); // 80,000 x 50 % cut to the 10,000 granted
        var sources = dossier.FactSources();
        Assert.Equal((FactSources.Declared, "sub-marc"), (sources["consumption"].Source, sources["consumption"].By));
        Assert.Equal((FactSources.Decided, "handler-1"), (sources["grantedRate"].Source, sources["grantedRate"].By));
        var declared = await db.DossierHistory.SingleAsync(h => h.DossierId == dossier.Id && h.TransitionId == "declare-consumption");
        Assert.Contains("\"invoicedAmount\":80000", declared.InputJson, StringComparison.Ordinal);
    }

    private sealed class VoucherScenario
    {
        private readonly TestPlatform _platform;

        private VoucherScenario(TestPlatform platform, Party company, Party provider)
        {
            _platform = platform;
            Company = company;
            Provider = provider;
        }

        public Party Company { get; }

        public Party Provider { get; }

        public Actor CompanyActor => new("sub-sofia", "Sofia Martin", ["applicant"], Company.Id.ToString(CultureInfo.InvariantCulture));

        public Actor ProviderActor => new("sub-marc", "Marc Lejeune", ["provider"], Provider.Id.ToString(CultureInfo.InvariantCulture));

        public static async Task<VoucherScenario> StartAsync(TestPlatform platform, bool labelProvider)
        {
            await Companies.CompanyExtracts.ImportAsync(platform, Companies.CompanyExtracts.Full140);
            await using var scope = platform.Scope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var company = Party.Organisation("Namur Digital SA", EnterpriseNumber.Parse("0789.012.351"));
            company.AddContact("Sofia Martin", "sofia@namurdigital.example", "fr");
            var provider = Party.Organisation("Conseil Numérique SPRL", EnterpriseNumber.Parse("0876.543.270"));
            provider.AddContact("Marc Lejeune", "marc@conseil.example", "fr");
            db.Parties.AddRange(company, provider);
            await db.SaveChangesAsync();
            var scenario = new VoucherScenario(platform, company, provider);
            if (labelProvider)
            {
                await scenario.LabelProviderAsync();
            }

            return scenario;
        }

        public async Task<string> SubmitAsync(decimal requestedAmount, object? claim = null)
        {
            string reference;
            await using (var scope = _platform.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var company = await db.Parties.SingleAsync(p => p.Id == Company.Id);
                var provider = await db.Parties.SingleAsync(p => p.Id == Provider.Id);
                // A claim about the provider is the register's to make: opening with one is refused.
                var facts = JsonSerializer.SerializeToElement(claim is null ? new object() : new { provider = claim });
                var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("voucher",
                    [(company, DossierRoles.Applicant), (provider, DossierRoles.Provider)], facts, CompanyActor,
                    DeadlinePlanner.LegalDate(_platform.Clock.GetUtcNow()), requestedAmount, CancellationToken.None);
                reference = dossier.Reference;
            }

            await FireAsync(reference, new ActorActionFired("submit")
            {
                // The applicant's SME declaration; who it is, where it operates and its past aid come from the registers.
                Input = Input(("service", "Audit de sécurité et sauvegarde externalisée"), ("requestedAmount", requestedAmount),
                    ("declaration", new { enterprise = new { staffHeadcount = 42, annualTurnover = 6_500_000, balanceSheetTotal = 4_200_000, relatedEnterprises = Array.Empty<object>() } })),
            }, CompanyActor);
            return reference;
        }

        public async Task FireAsync(string reference, WorkflowTrigger trigger, Actor actor)
        {
            await using var scope = _platform.Scope();
            var report = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().FireAsync(reference, trigger, actor, CancellationToken.None);
            Assert.True(report.Accepted, $"{trigger} on {reference}: {report.Rejection?.Message}");
        }

        // The provider applies to the provider register (workflows/provider.json) and is labelled.
        private async Task LabelProviderAsync()
        {
            string reference;
            await using (var scope = _platform.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var provider = await db.Parties.SingleAsync(p => p.Id == Provider.Id);
                var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("provider",
                    [(provider, DossierRoles.Provider)], JsonSerializer.SerializeToElement(new { }), ProviderActor,
                    DeadlinePlanner.LegalDate(_platform.Clock.GetUtcNow()), null, CancellationToken.None);
                reference = dossier.Reference;
            }

            await FireAsync(reference, new ActorActionFired("submit")
            {
                Input = Input(("application", ProviderRegisterTests.Application(renewal: false, qualified: true))), // fast track
            }, ProviderActor);
            await using var check = _platform.Scope();
            Assert.Equal("labelled", (await check.ServiceProvider.GetRequiredService<PlatformDbContext>().Dossiers.SingleAsync(d => d.Reference == reference)).State);
        }
    }
}
