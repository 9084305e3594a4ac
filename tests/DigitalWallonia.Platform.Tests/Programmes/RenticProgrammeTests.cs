using System.Text.Json;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Casework;
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
using static DigitalWallonia.Platform.Tests.Programmes.ProviderRegisterTests;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// The RENTIC premium (workflows/rentic.json, rules/rentic/) on the shipped content, with a provider labelled through
/// the provider register first: approved by one case handler or countersigned above the threshold, paid in three
/// milestone instalments; refused; lapsed when a request for documents stays unanswered.
/// </summary>
public class RenticProgrammeTests
{
    private static readonly Actor Supervisor = new("supervisor-1", "Sam Supervisor", ["supervisor"]);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_premium_below_the_threshold_is_approved_by_one_handler_and_paid_in_three_milestone_instalments(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, company, consultant) = await SubmitAsync(platform, eligibleCost: 40_000m);
        Assert.Equal("under-review", await StateAsync(platform, reference));

        platform.Clock.Set(Start.AddDays(7)); // decided on Monday 9 March 2026
        var approved = await FireAsync(platform, reference, new ActorActionFired("approve"), Handler);
        var applicant = Applicant(company);
        var steps = new List<FiringReport>
        {
            await FireAsync(platform, reference, Declare("diagnosis", 6_000m, "2026-04-15"), applicant),
            await FireAsync(platform, reference, new ActorActionFired("validate-milestone"), Handler),
            await FireAsync(platform, reference, Declare("actionPlan", 14_000m, "2026-07-01"), applicant),
            await FireAsync(platform, reference, new ActorActionFired("validate-milestone"), Handler),
            await FireAsync(platform, reference, Declare("implementation", 30_000m, "2027-01-10"), applicant),
            await FireAsync(platform, reference, new ActorActionFired("validate-milestone"), Handler),
            await FireAsync(platform, reference, new ExternalEventReceived("payment-confirmed") { Payload = Input(("instalment", "implementation")) }, Actor.System),
        };

        Assert.Equal("diagnosis", approved.State);
        Assert.All(steps, s => Assert.True(s.Accepted, s.Rejection?.Message));
        Assert.Equal(["diagnosis-review", "action-plan", "action-plan-review", "implementation", "implementation-review", "payment-pending", "paid"],
            steps.Select(s => s.State));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        var decision = await db.Decisions.SingleAsync(d => d.DossierId == dossier.Id);
        Assert.Equal(("grant", 20_000m, "handler-1", (string?)null, new DateOnly(2026, 3, 9)),
            (decision.Kind, decision.Amount, decision.DecidedBy, decision.CountersignedBy, decision.DecidedOn));
        // Evaluated on entering "submitted" and again as the guard of "eligible": the register says the provider is labelled.
        var eligibility = await db.EvaluationSnapshots.Where(e => e.DossierId == dossier.Id && e.RuleSet == "rentic-eligibility").ToListAsync();
        Assert.Equal(2, eligibility.Count);
        Assert.All(eligibility, e => Assert.True(e.Passed));
        Assert.All(eligibility, e => Assert.Contains("\"reference\":\"PROVIDER-2026-000001\"", e.FactsJson, StringComparison.Ordinal));
        var aid = await db.AidGrants.SingleAsync();
        Assert.Equal((company.Id, 20_000m, AidRegulation.DeMinimis2023, new DateOnly(2026, 3, 9), decision.Id),
            (aid.BeneficiaryPartyId, aid.Amount, aid.Regulation, aid.GrantedOn, aid.DecisionId));
        Assert.Equal(("cheques-entreprises", "digital", "digital-maturity"), (aid.Wallet, aid.Theme, aid.ChequeType));
        // 6,000 x 50 % = 3,000; 14,000 x 50 % = 7,000; 30,000 x 50 % = 15,000, cut to the 10,000 left of the grant.
        var instalments = await db.Instalments.Where(i => i.DossierId == dossier.Id).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal([("diagnosis", 3_000m), ("action-plan", 7_000m), ("implementation", 10_000m)], instalments.Select(i => (i.Name, i.Amount)));
        Assert.Equal(decision.Amount, instalments.Sum(i => i.Amount));
        var granted = await db.OutboxMessages.Where(m => m.TemplateKey == "rentic-granted").OrderBy(m => m.RecipientAddress).ToListAsync();
        Assert.Equal(["claire@forges.example", "dgo6@example.org", "marc@conseil.example"], granted.Select(m => m.RecipientAddress));
        Assert.Contains("\"grantedAmount\":20000", granted[0].ModelJson, StringComparison.Ordinal);
        // The decision letter is issued once, at the grant, in the company's language, with the amount the grant fixed.
        var letter = await db.Documents.SingleAsync(d => d.DossierId == dossier.Id);
        Assert.Equal(("decision-letter", "fr"), (letter.Kind, letter.Language));
        var text = await LabelProgrammeTests.LetterTextAsync(platform, letter.Id);
        Assert.Contains("<strong>20\u202F000,00\u00A0€</strong>", text, StringComparison.Ordinal);
        Assert.Contains("<td>50\u00A0%</td>", text, StringComparison.Ordinal);
        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Equal(6, await db.OutboxMessages.CountAsync(m => m.DossierId == dossier.Id && m.TemplateKey == "rentic-instalment-scheduled"));
        Assert.Equal(3, await db.OutboxMessages.CountAsync(m => m.DossierId == dossier.Id && m.TemplateKey == "rentic-milestone-declared"));
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.DossierId == dossier.Id && m.TemplateKey == "rentic-paid"));
        Assert.Equal(["submit", "eligible", "approve", "declare-diagnosis", "validate-diagnosis", "declare-action-plan", "validate-action-plan",
            "declare-implementation", "validate-implementation", "confirm-payment"], await HistoryAsync(db, dossier.Id));
        var audit = await db.AuditEvents.Where(a => a.DossierId == dossier.Id).OrderBy(a => a.Sequence).Select(a => a.Kind).ToListAsync();
        // The decision and the letter before the approval's own event; each validated milestone schedules its instalment;
        // the payment names the last one.
        string[] milestone = ["transition", "instalment-scheduled", "transition"];
        Assert.Equal(["started", "transition", "transition", "decision", "document-issued", "transition", .. milestone, .. milestone, .. milestone, "transition", "instalment-paid"], audit);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, CancellationToken.None));
        await AssertEveryMessageRendersAsync(platform);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_premium_above_the_threshold_is_granted_only_once_a_different_supervisor_countersigns(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, s => s["Mailboxes:Roles:supervisor"] = "supervision@example.org");
        var (reference, _, _) = await SubmitAsync(platform, eligibleCost: 80_000m);

        var approved = await FireAsync(platform, reference, new ActorActionFired("approve"), Handler);
        var sameHandler = await FireAsync(platform, reference, new ActorActionFired("countersign"), Handler with { Roles = ["case-handler", "supervisor"] });
        var countersigned = await FireAsync(platform, reference, new ActorActionFired("countersign"), Supervisor);

        Assert.Equal("awaiting-second-approval", approved.State);
        Assert.Equal("segregation-of-duties", sameHandler.Rejection?.Code);
        Assert.Equal("diagnosis", countersigned.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var decision = await db.Decisions.SingleAsync(d => d.DossierId == db.Dossiers.Single(x => x.Reference == reference).Id);
        Assert.Equal(("grant", 40_000m, "handler-1", "supervisor-1"), (decision.Kind, decision.Amount, decision.DecidedBy, decision.CountersignedBy));
        Assert.Equal(40_000m, (await db.AidGrants.SingleAsync()).Amount);
        Assert.Contains("<strong>40\u202F000,00\u00A0€</strong>",
            await LabelProgrammeTests.LetterTextAsync(platform, (await db.Documents.SingleAsync(d => d.DossierId == decision.DossierId && d.Kind == "decision-letter")).Id),
            StringComparison.Ordinal);
        var asked = await db.OutboxMessages.SingleAsync(m => m.TemplateKey == "rentic-second-approval-requested");
        Assert.Equal(("supervision@example.org", "fr"), (asked.RecipientAddress, asked.Language));
        // 40,000 EUR is above the 25,000 EUR threshold: the handler's "approve" took the else branch to the supervisor.
        Assert.Equal(["submit", "eligible", "approve-above-threshold", "countersign"], await HistoryAsync(db, decision.DossierId));
        await AssertEveryMessageRendersAsync(platform);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_correction_after_the_proposal_voids_the_second_approval_until_the_grant_is_proposed_again(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, _, _) = await SubmitAsync(platform, eligibleCost: 80_000m);
        var proposed = await FireAsync(platform, reference, new ActorActionFired("approve"), Handler);
        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var scope = platform.Scope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<DossierWorkflow>();
            // Confirming a value leaves the proposal standing; correcting one voids it.
            await workflow.VerifyFactAsync(reference, "declaration.enterprise.annualTurnover", null, "Comptes annuels vus", Handler, CancellationToken.None);
        }

        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var scope = platform.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().VerifyFactAsync(reference, "declaration.enterprise.staffHeadcount",
                JsonSerializer.SerializeToElement(48), "Bilan social 2025: 48 ETP", Handler, CancellationToken.None);
        }

        var voided = await FireAsync(platform, reference, new ActorActionFired("countersign"), Supervisor);
        var sentBack = await FireAsync(platform, reference, new ActorActionFired("send-back") { Input = Input(("reason", "Effectif corrigé : à reproposer")) }, Supervisor);
        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        var proposedAgain = await FireAsync(platform, reference, new ActorActionFired("approve"), Handler);
        var countersigned = await FireAsync(platform, reference, new ActorActionFired("countersign"), Supervisor);

        Assert.Equal("awaiting-second-approval", proposed.State);
        Assert.Equal(("proposal-voided", "awaiting-second-approval"), (voided.Rejection?.Code, voided.State));
        Assert.Contains("fact 'declaration.enterprise.staffHeadcount' corrected by handler-1", voided.Rejection!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("annualTurnover", voided.Rejection.Message, StringComparison.Ordinal);
        Assert.Equal(["under-review", "awaiting-second-approval", "diagnosis"], new[] { sentBack, proposedAgain, countersigned }.Select(r => r.State));
        await using var check = platform.Scope();
        var db = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal(["submit", "eligible", "approve-above-threshold", "send-back", "approve-above-threshold", "countersign"], await HistoryAsync(db, dossier.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_request_from_a_software_publisher_is_refused_in_the_company_language(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        // 0440.500.556 is registered with the main activity 62.010 (update extract 141).
        var (reference, _, _) = await SubmitAsync(platform, eligibleCost: 40_000m, enterprise: "0440.500.556", language: "en");
        Assert.Equal("eligibility-review", await StateAsync(platform, reference));

        var refused = await FireAsync(platform, reference, new ActorActionFired("refuse") { Input = Input(("reason", "Main activity 62.010 is in the excluded digital sector.")) }, Handler);

        Assert.Equal("refused", refused.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var decision = await db.Decisions.SingleAsync(d => d.DossierId == db.Dossiers.Single(x => x.Reference == reference).Id);
        Assert.Equal(("refusal", "rentic-eligibility"), (decision.Kind, decision.RuleSet));
        Assert.Contains("NotDigitalSector", decision.ReasonsJson, StringComparison.Ordinal);
        Assert.Empty(await db.AidGrants.ToListAsync());
        Assert.Empty(await db.Instalments.ToListAsync());
        var letter = await db.OutboxMessages.SingleAsync(m => m.TemplateKey == "rentic-refused" && m.RecipientAddress == "claire@forges.example");
        Assert.Equal("en", letter.Language);
        var decisionLetter = await db.Documents.SingleAsync(d => d.DossierId == decision.DossierId);
        Assert.Equal(("decision-letter", "en"), (decisionLetter.Kind, decisionLetter.Language));
        Assert.Contains("Main activity 62.010 is in the excluded digital sector.", await LabelProgrammeTests.LetterTextAsync(platform, decisionLetter.Id), StringComparison.Ordinal);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.TemplateKey == "rentic-eligibility-issue"));
        await AssertEveryMessageRendersAsync(platform);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_non_profit_association_in_the_register_is_refused_the_premium(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);

        var (reference, _, _) = await SubmitAsync(platform, eligibleCost: 20_000m, enterprise: "0440.100.183"); // ASBL, legal form 017

        await AssertRefusedByTheRegisterAsync(platform, reference, "non_profit_excluded");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_company_whose_only_walloon_looking_postcode_is_abroad_is_refused_the_premium(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);

        var (reference, _, _) = await SubmitAsync(platform, eligibleCost: 20_000m, enterprise: "0440.200.252"); // its only unit: 4030 Luxembourg

        await AssertRefusedByTheRegisterAsync(platform, reference, "no_walloon_seat");
    }

    private static async Task AssertRefusedByTheRegisterAsync(TestPlatform platform, string reference, string code)
    {
        Assert.Equal("eligibility-review", await StateAsync(platform, reference));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var id = await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync();
        var snapshot = await db.EvaluationSnapshots.Where(s => s.DossierId == id && s.RuleSet == "rentic-eligibility").OrderBy(s => s.Id).LastAsync();
        var failed = EligibilityScenario.Failed(System.Text.Json.Nodes.JsonNode.Parse(snapshot.ExplanationJson)!.AsObject());
        Assert.Equal(code, Assert.Single(failed.Keys, k => !k.Contains('.', StringComparison.Ordinal)));
        Assert.Equal("companyRegister", failed[code]["provenance"]!["enterprise"]!.GetValue<string>());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_unanswered_request_for_documents_is_reminded_then_lapses_by_the_deadline_sweeper(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, _, _) = await SubmitAsync(platform, eligibleCost: 40_000m);
        var requested = await FireAsync(platform, reference,
            RequestDocuments("Devis détaillé du prestataire, par étape"), Handler);
        var sweeper = platform.Services.GetRequiredService<DeadlineSweeper>();

        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 25)).AddMinutes(1)); // 7 days before the deadline
        var reminder = await sweeper.SweepAsync(CancellationToken.None);
        var early = await StateAsync(platform, reference);
        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2026, 4, 1)).AddSeconds(1)); // rentic.documentsDelay: 30 days after 2 March
        var due = await sweeper.SweepAsync(CancellationToken.None);
        var again = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal("documents-requested", requested.State);
        Assert.Equal((0, 1), (reminder.DeadlinesFired, reminder.RemindersFired));
        Assert.Equal("documents-requested", early);
        Assert.Equal(1, due.DeadlinesFired);
        Assert.Equal(0, again.Total);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Equal("lapsed", dossier.State);
        Assert.Equal(["submit", "eligible", "request-documents", "lapse"], await HistoryAsync(db, dossier.Id));
        var asked = await db.OutboxMessages.SingleAsync(m => m.TemplateKey == "rentic-documents-requested");
        Assert.Contains("\"documentsDueOn\":\"2026-04-01\"", asked.ModelJson, StringComparison.Ordinal);
        var reminded = await db.OutboxMessages.SingleAsync(m => m.TemplateKey == "rentic-documents-reminder");
        Assert.Equal("claire@forges.example", reminded.RecipientAddress);
        Assert.Equal(["claire@forges.example", "dgo6@example.org"],
            await db.OutboxMessages.Where(m => m.TemplateKey == "rentic-lapsed").OrderBy(m => m.RecipientAddress).Select(m => m.RecipientAddress).ToListAsync());
        Assert.Empty(await db.Decisions.Where(d => d.DossierId == dossier.Id).ToListAsync());
        Assert.Empty(await db.AidGrants.ToListAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.DossierId == dossier.Id && a.Kind == "reminder-sent"));
        Assert.Equal(DeadlineStatus.Fired, (await db.Deadlines.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "documents")).Status);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, CancellationToken.None));
        await AssertEveryMessageRendersAsync(platform);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_request_naming_a_provider_whose_label_is_suspended_waits_for_the_case_handler(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);

        var (reference, _, _) = await SubmitAsync(platform, eligibleCost: 40_000m, suspendProvider: true);

        Assert.Equal("eligibility-review", await StateAsync(platform, reference));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var snapshots = await db.EvaluationSnapshots.Where(e => e.RuleSet == "rentic-eligibility").ToListAsync();
        Assert.NotEmpty(snapshots);
        Assert.All(snapshots, s => Assert.False(s.Passed));
        Assert.All(snapshots, s => Assert.Contains("\"ProviderLabelled\":false", s.RuleResultsJson, StringComparison.Ordinal));
    }

    // Issue 13's second attack: an applicant's milestone declaration carrying the instalments or the granted terms,
    // which used to be merged over the dossier's facts.
    [Theory, OnSqlite, OnPostgres]
    public async Task A_milestone_declaration_that_tries_to_reset_the_instalments_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, company, _) = await SubmitAsync(platform, eligibleCost: 40_000m);
        platform.Clock.Set(Start.AddDays(7));
        await FireAsync(platform, reference, new ActorActionFired("approve"), Handler);
        var before = await DossierFootprint.OfAsync(platform, reference);

        var attacks = new[]
        {
            Input(("diagnosis", new { invoicedAmount = 6_000m, invoiceDate = "2026-04-15" }), ("diagnosisInstalment", 20_000), ("grantedAmount", 1_000_000)),
            Input(("diagnosis", new { invoicedAmount = 6_000m, invoiceDate = "2026-04-15", instalments = Array.Empty<object>() })),
            Input(("implementation", new { invoicedAmount = 60_000m, invoiceDate = "2026-04-15" })),
        };
        var reports = new List<FiringReport>();
        foreach (var input in attacks)
        {
            reports.Add(await FireAsync(platform, reference, new ActorActionFired("declare-milestone") { Input = input }, Applicant(company)));
        }

        Assert.All(reports, r => Assert.Equal("invalid-input", r.Rejection?.Code));
        Assert.Equal(["diagnosisInstalment", "grantedAmount"], reports[0].Rejection!.FieldErrors.Select(e => e.Field));
        Assert.Equal("diagnosis.instalments", Assert.Single(reports[1].Rejection!.FieldErrors).Field);
        Assert.Equal([("diagnosis", "required"), ("implementation", "undeclared")], reports[2].Rejection!.FieldErrors.Select(e => (e.Field, e.Code)));
        Assert.Equal(before, await DossierFootprint.OfAsync(platform, reference));
    }

    /// <summary>A provider labelled through the register on the fast track, then a Walloon SME's request naming it.</summary>
    internal static async Task<(string Reference, Party Company, Party Provider)> SubmitAsync(TestPlatform platform, decimal eligibleCost,
        string enterprise = "0123.456.749", string language = "fr", bool suspendProvider = false, object? declaration = null)
    {
        // The company register knows the applicant: where it operates, its activity and legal form come from there.
        await Companies.CompanyExtracts.ImportAsync(platform, Companies.CompanyExtracts.Full140);
        await Companies.CompanyExtracts.ImportAsync(platform, Companies.CompanyExtracts.Update141);
        var (registration, labelled) = await ApplyAsync(platform, fastTrack: true);
        if (suspendProvider)
        {
            await FireAsync(platform, registration, new ActorActionFired("suspend") { Input = Input(("reason", "Contrôle en cours")) }, Handler);
        }

        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var consultant = await db.Parties.SingleAsync(p => p.Id == labelled.Id);
        var company = Party.Organisation("Forges de Wallonie SRL", EnterpriseNumber.Parse(enterprise));
        company.AddContact("Claire Dubois", "claire@forges.example", language);
        db.Parties.Add(company);
        await db.SaveChangesAsync();
        var workflow = scope.ServiceProvider.GetRequiredService<DossierWorkflow>();
        var today = DeadlinePlanner.LegalDate(platform.Clock.GetUtcNow());
        var (dossier, _) = await workflow.OpenAsync("rentic", [(company, DossierRoles.Applicant), (consultant, DossierRoles.Provider)], JsonSerializer.SerializeToElement(new { }),
            Applicant(company), today, eligibleCost, CancellationToken.None);
        var report = await workflow.FireAsync(dossier.Reference, new ActorActionFired("submit")
        {
            Input = Input(("service", "Diagnostic de maturité numérique, plan d'action et accompagnement ERP"), ("eligibleCost", eligibleCost),
                ("declaration", declaration ?? new { enterprise = EligibilityScenario.Sme() })),
        }, Applicant(company), CancellationToken.None);
        Assert.True(report.Accepted, report.Rejection?.Message);
        return (dossier.Reference, company, consultant);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_request_for_two_items_is_answered_item_by_item_and_the_dossier_resumes_by_itself_after_the_last(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (reference, company, _) = await SubmitAsync(platform, eligibleCost: 40_000m);
        await FireAsync(platform, reference, RequestDocuments("Devis signé", "Derniers comptes annuels"), Handler);
        var applicant = Applicant(company);
        var pdf = new UploadedFile("devis.pdf", "application/pdf", "%PDF-1.7 devis"u8.ToArray());

        await using var scope = platform.Scope();
        var requests = scope.ServiceProvider.GetRequiredService<DocumentRequests>();
        var first = await requests.AnswerAsync(reference, 0, [pdf], applicant, CancellationToken.None);
        var tooLarge = await Assert.ThrowsAsync<DocumentRequestException>(() => requests.AnswerAsync(reference, 1,
            [new UploadedFile("comptes.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1])], applicant, CancellationToken.None));
        var wrongType = await Assert.ThrowsAsync<DocumentRequestException>(() => requests.AnswerAsync(reference, 1,
            [new UploadedFile("comptes.exe", "application/x-msdownload", [1, 2, 3])], applicant, CancellationToken.None));
        var disguised = await Assert.ThrowsAsync<DocumentRequestException>(() => requests.AnswerAsync(reference, 1,
            [new UploadedFile("comptes.pdf", "application/pdf", [0x4D, 0x5A, 0x90])], applicant, CancellationToken.None)); // a program named .pdf
        var stranger = new Actor("someone", "Someone Else", ["applicant"], "999999");
        await Assert.ThrowsAsync<DocumentRequestException>(() => requests.AnswerAsync(reference, 1, [pdf], stranger, CancellationToken.None));
        var stillOpen = await StateAsync(platform, reference);
        var last = await requests.AnswerAsync(reference, 1, [pdf with { FileName = "comptes-2025.pdf" }, pdf with { FileName = "annexes.pdf" }], applicant,
            CancellationToken.None);

        Assert.Null(first.Resumed);
        Assert.Equal([1, 0], first.Request.Items.Select(i => i.Files.Count));
        Assert.Equal((DocumentRefusal.TooLarge, "'comptes.pdf' is too large: at most 10 MB per file."), (tooLarge.Reason, tooLarge.Message));
        Assert.Equal(DocumentRefusal.WrongType, wrongType.Reason);
        Assert.Equal(DocumentRefusal.WrongType, disguised.Reason);
        Assert.Equal("documents-requested", stillOpen);
        Assert.NotNull(last.Resumed);
        Assert.True(last.Resumed.Accepted, last.Resumed.Rejection?.Message);
        Assert.Equal("under-review", last.Resumed.State);
        Assert.Null(await requests.OpenAsync(reference, CancellationToken.None));
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        // The refused files left nothing behind: three files kept, each an answer to its item.
        Assert.Equal(["devis.pdf", "comptes-2025.pdf", "annexes.pdf"],
            await db.Documents.Where(d => d.DossierId == dossier.Id && d.Kind == DigitalWallonia.Platform.Documents.DocumentKinds.Upload).OrderBy(d => d.Id).Select(d => d.FileName).ToListAsync());
        var resumed = await db.DossierHistory.Where(h => h.DossierId == dossier.Id).OrderBy(h => h.Sequence).LastAsync();
        Assert.Equal(("provide-documents", "claire"), (resumed.Action, resumed.SubjectId));
        Assert.Contains("Derniers comptes annuels", resumed.InputJson, StringComparison.Ordinal);
        Assert.Contains(await db.OutboxMessages.Where(m => m.DossierId == dossier.Id).Select(m => m.TemplateKey).ToListAsync(), k => k == "rentic-documents-received");

        // A second request starts afresh: the first one's answers do not count for it.
        await FireAsync(platform, reference, RequestDocuments("Attestation de l'ONSS"), Handler);
        var second = await requests.OpenAsync(reference, CancellationToken.None);
        Assert.Equal(["Attestation de l'ONSS"], second!.Items.Select(i => i.Label));
        Assert.Empty(second.Items[0].Files);
    }

    private static ActorActionFired RequestDocuments(params string[] items) =>
        new("request-documents") { Input = Input(("items", items.Select(label => new { label, explanation = "Au format PDF" }).ToArray())) };

    private static ActorActionFired Declare(string milestone, decimal invoicedAmount, string invoiceDate) =>
        new("declare-milestone") { Input = Input((milestone, new { invoicedAmount, invoiceDate })) };

    private static Actor Applicant(Party company) =>
        new("claire", "Claire Dubois", ["applicant"], company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<string> StateAsync(TestPlatform platform, string reference)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Dossiers.Where(d => d.Reference == reference).Select(d => d.State).SingleAsync();
    }
}
