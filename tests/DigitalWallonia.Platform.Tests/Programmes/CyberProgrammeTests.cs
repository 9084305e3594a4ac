using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Certificates;
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
using static DigitalWallonia.Platform.Tests.Programmes.CyberProfessionalRegisterTests;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// The cybersecurity premium and label (workflows/cyber.json) on the shipped content, with a professional first listed
/// through its register: the five steps, the timestamped certificate, the premium granted only after the label and paid,
/// a refusal, and a label that expires after its reminders and is renewed.
/// </summary>
public class CyberProgrammeTests
{
    private const string CompanyEmail = "claire@forges.example";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_company_goes_through_the_five_steps_gets_a_verifiable_label_then_the_premium_is_granted_and_paid(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (_, professional) = await ListAsync(platform);
        var (reference, company) = await OpenAsync(platform, professional);
        var expert = ProfessionalActor(professional);

        var submitted = await FireAsync(platform, reference, Submit(), Applicant(company));
        var tooEarly = await FireAsync(platform, reference, new ActorActionFired("claim-premium") { Input = Input(("invoicedAmount", 20_000)) }, Applicant(company));
        var byTheCompany = await FireAsync(platform, reference, new ActorActionFired("complete-assessment") { Input = Input(("assessmentReport", "x")) }, Applicant(company));
        await FiveStepsAsync(platform, reference, expert);
        var awarded = await FireAsync(platform, reference, new ActorActionFired("award-label") { Input = Input(("evaluation", PassingEvaluation)) }, expert);

        Assert.Equal("assessment", submitted.State);
        Assert.Equal("not-allowed-in-state", tooEarly.Rejection?.Code); // no premium before the label
        Assert.Equal("role-missing", byTheCompany.Rejection?.Code); // the accredited professional records the steps
        Assert.Equal("labelled", awarded.State);
        string number;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            var certificate = await db.Certificates.Include(c => c.Document).SingleAsync(c => c.DossierId == dossier.Id);
            number = certificate.Number;
            Assert.Equal("CERT-CYBER-2026-000001", number);
            Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2029, 3, 1)), (certificate.IssuedOn, certificate.ExpiresOn));
            Assert.Equal((company.Id, (long?)professional.Id), (certificate.HolderPartyId, certificate.ProfessionalPartyId));
            Assert.Equal(platform.Clock.GetUtcNow(), certificate.IssuedAt);
            Assert.Equal(certificate.Document.Sha256, certificate.ContentSha256);
            Assert.Equal(("certificate", "fr"), (certificate.Document.Kind, certificate.Document.Language));
            var html = System.Text.Encoding.UTF8.GetString(await db.DocumentContents.Where(c => c.DocumentId == certificate.DocumentId).Select(c => c.Bytes).SingleAsync());
            Assert.Contains(number, html, StringComparison.Ordinal);
            Assert.Contains("n'est pas une certification délivrée par la Région wallonne", html, StringComparison.Ordinal);
            Assert.Contains("CyberSûr SRL", html, StringComparison.Ordinal);
            var check = await scope.ServiceProvider.GetRequiredService<CertificateVerifier>().VerifyAsync(db, number, null, CancellationToken.None);
            Assert.Equal(CertificateStatus.Valid, check?.Status);
            Assert.Equal("Forges de Wallonie SRL", check?.HolderName);
            Assert.Contains(await db.AuditEvents.Where(e => e.DossierId == dossier.Id).Select(e => e.Kind).ToListAsync(), k => k == "certificate-issued");
            Assert.Empty(await db.Decisions.Where(d => d.DossierId == dossier.Id).ToListAsync()); // the label is no administrative decision
            var messages = await MessagesAsync(db, dossier.Id);
            foreach (var step in new[] { "cyber-submitted", "cyber-assessment-completed", "cyber-objectives-set", "cyber-roadmap-adopted", "cyber-procedures-established", "cyber-label-issued" })
            {
                Assert.Contains((step, CompanyEmail, "fr"), messages);
                Assert.Contains((step, ProfessionalEmail, "fr"), messages);
            }
        }

        var claimed = await FireAsync(platform, reference, new ActorActionFired("claim-premium") { Input = Input(("invoicedAmount", 20_000)) }, Applicant(company));
        var granted = await FireAsync(platform, reference, new ActorActionFired("grant-premium"), Handler);
        var paid = await FireAsync(platform, reference, new ExternalEventReceived("payment-confirmed") { Payload = Input(("instalment", "premium-payment")) }, Actor.System);

        Assert.Equal(("premium-review", "premium-granted", "label-in-force"), (claimed.State, granted.State, paid.State));
        await using var check2 = platform.Scope();
        var db2 = check2.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var paidDossier = await db2.Dossiers.SingleAsync(d => d.Reference == reference);
        var decision = await db2.Decisions.SingleAsync(d => d.DossierId == paidDossier.Id);
        Assert.Equal(("grant", 15_000m, "handler-1", "cyber-premium"), (decision.Kind, decision.Amount, decision.DecidedBy, decision.RuleSet));
        var aid = await db2.AidGrants.Include(g => g.StatusHistory).SingleAsync(a => a.DossierId == paidDossier.Id);
        Assert.Equal((15_000m, "cheques-entreprises", "cybersecurity", company.Id, decision.Id),
            (aid.Amount, aid.Wallet, aid.ChequeType, aid.BeneficiaryPartyId, aid.DecisionId));
        Assert.Equal(AidGrantStatus.Paid, aid.StatusOn(DateOnly.MaxValue));
        var instalment = await db2.Instalments.SingleAsync(i => i.DossierId == paidDossier.Id);
        Assert.Equal(("premium-payment", 15_000m), (instalment.Name, instalment.Amount));
        Assert.Equal(15_000m, JsonDocument.Parse(paidDossier.FactsJson).RootElement.GetProperty("grantedAmount").GetDecimal());
        var premium = await db2.EvaluationSnapshots.Where(s => s.DossierId == paidDossier.Id && s.RuleSet == "cyber-premium").OrderBy(s => s.Id).LastAsync();
        Assert.Contains("\"ceiling\":37500", premium.OutputsJson, StringComparison.Ordinal);
        Assert.Contains("\"rate\":0.75", premium.OutputsJson, StringComparison.Ordinal);
        var all = await MessagesAsync(db2, paidDossier.Id);
        Assert.Contains(("cyber-premium-claimed", "dgo6@example.org", "fr"), all);
        Assert.Contains(("cyber-premium-granted", CompanyEmail, "fr"), all);
        Assert.Contains(("cyber-premium-paid", CompanyEmail, "fr"), all);
        Assert.Contains("\"grantedAmount\":15000", (await db2.OutboxMessages.SingleAsync(m => m.DossierId == paidDossier.Id && m.TemplateKey == "cyber-premium-paid")).ModelJson, StringComparison.Ordinal);
        var letter = await db2.Documents.SingleAsync(d => d.DossierId == paidDossier.Id && d.Kind == "decision-letter");
        Assert.Equal("fr", letter.Language);
        Assert.Contains("<strong>15\u202F000,00\u00A0€</strong>", await LabelProgrammeTests.LetterTextAsync(platform, letter.Id), StringComparison.Ordinal);
        Assert.Equal(["award-label", "claim-premium", "grant-premium", "confirm-payment"], (await TransitionsAsync(db2, paidDossier.Id)).TakeLast(4));
        Assert.Empty(await check2.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db2, reference, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_large_company_is_refused_by_the_case_handler_with_a_reason(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (_, professional) = await ListAsync(platform);
        var (reference, company) = await OpenAsync(platform, professional);

        var submitted = await FireAsync(platform, reference, Submit(staffHeadcount: 320), Applicant(company));
        var refused = await FireAsync(platform, reference, new ActorActionFired("refuse") { Input = Input(("reason", "L'entreprise compte 320 ETP : ce n'est pas une PME.")) }, Handler);

        Assert.Equal(("eligibility-review", "refused"), (submitted.State, refused.State));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        var decision = await db.Decisions.SingleAsync(d => d.DossierId == dossier.Id);
        Assert.Equal(("refusal", "cyber-eligibility"), (decision.Kind, decision.RuleSet));
        Assert.Empty(await db.AidGrants.ToListAsync());
        Assert.Empty(await db.Certificates.ToListAsync());
        var snapshot = await db.EvaluationSnapshots.FirstAsync(s => s.DossierId == dossier.Id && s.RuleSet == "cyber-eligibility");
        Assert.False(snapshot.Passed);
        Assert.Contains("pas une PME", snapshot.ExplanationJson, StringComparison.Ordinal);
        var messages = await MessagesAsync(db, dossier.Id);
        Assert.Contains(("cyber-eligibility-issue", "dgo6@example.org", "fr"), messages);
        Assert.Contains(("cyber-refused", CompanyEmail, "fr"), messages);
        Assert.Contains(("cyber-refused", ProfessionalEmail, "fr"), messages);
        Assert.Contains("320 ETP", (await db.OutboxMessages.FirstAsync(m => m.DossierId == dossier.Id && m.TemplateKey == "cyber-refused")).ModelJson, StringComparison.Ordinal);
        var letter = await db.Documents.SingleAsync(d => d.DossierId == dossier.Id);
        Assert.Equal(("decision-letter", "fr"), (letter.Kind, letter.Language));
        Assert.Contains("320 ETP : ce n", await LabelProgrammeTests.LetterTextAsync(platform, letter.Id), StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_label_expires_after_its_reminders_and_the_professional_renews_it(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (registration, professional) = await ListAsync(platform);
        var reference = await LabelledAsync(platform, professional);
        var sweeper = platform.Services.GetRequiredService<DeadlineSweeper>();
        var expert = ProfessionalActor(professional);

        platform.Clock.Set(new DateTimeOffset(2028, 12, 2, 10, 0, 0, TimeSpan.Zero)); // 90 days before 2 March 2029
        Assert.Equal(2, (await sweeper.SweepAsync(CancellationToken.None)).RemindersFired); // the label's and the listing's
        platform.Clock.Set(new DateTimeOffset(2028, 12, 10, 9, 0, 0, TimeSpan.Zero)); // the professional renews its own listing meanwhile
        await FireAsync(platform, registration, new ActorActionFired("apply-renewal") { Input = Input(("application", CompleteApplication)) }, expert);
        Assert.Equal("listed", (await FireAsync(platform, registration, new ActorActionFired("renew") { Input = Input(("assessment", FavourableAssessment)) }, Committee)).State);
        platform.Clock.Set(new DateTimeOffset(2029, 1, 31, 10, 0, 0, TimeSpan.Zero)); // 30 days before
        Assert.Equal(1, (await sweeper.SweepAsync(CancellationToken.None)).RemindersFired);
        platform.Clock.Set(new DateTimeOffset(2029, 3, 2, 9, 0, 1, TimeSpan.Zero));
        var due = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(1, due.DeadlinesFired);
        string first;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            Assert.Equal("label-expired", dossier.State);
            var messages = await MessagesAsync(db, dossier.Id);
            Assert.Equal(2, messages.Count(m => m == ("cyber-label-expiry-reminder", CompanyEmail, "fr")));
            Assert.Equal(2, messages.Count(m => m == ("cyber-label-expiry-reminder", ProfessionalEmail, "fr")));
            Assert.Contains(("cyber-label-expired", CompanyEmail, "fr"), messages);
            Assert.Contains("\"labelValidUntil\":\"2029-03-01\"",
                (await db.OutboxMessages.FirstAsync(m => m.DossierId == dossier.Id && m.TemplateKey == "cyber-label-expiry-reminder")).ModelJson, StringComparison.Ordinal);
            first = (await db.Certificates.SingleAsync(c => c.DossierId == dossier.Id)).Number;
            var expired = await scope.ServiceProvider.GetRequiredService<CertificateVerifier>().VerifyAsync(db, first, null, CancellationToken.None);
            Assert.Equal(CertificateStatus.Expired, expired?.Status);
        }

        platform.Clock.Set(new DateTimeOffset(2029, 3, 5, 9, 0, 0, TimeSpan.Zero));
        var renewed = await FireAsync(platform, reference, new ActorActionFired("renew-label") { Input = Input(("evaluation", PassingEvaluation)) }, expert);

        Assert.Equal("label-in-force", renewed.State);
        await using var check = platform.Scope();
        var dbCheck = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var renewedDossier = await dbCheck.Dossiers.SingleAsync(d => d.Reference == reference);
        var certificates = await dbCheck.Certificates.Where(c => c.DossierId == renewedDossier.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, certificates.Count);
        Assert.Equal((certificates[0].Id, new DateOnly(2032, 3, 4), "CERT-CYBER-2029-000001"), (certificates[1].SupersedesId, certificates[1].ExpiresOn, certificates[1].Number));
        var verifier = check.ServiceProvider.GetRequiredService<CertificateVerifier>();
        Assert.Equal(CertificateStatus.Valid, (await verifier.VerifyAsync(dbCheck, certificates[1].Number, null, CancellationToken.None))?.Status);
        var old = await verifier.VerifyAsync(dbCheck, first, null, CancellationToken.None);
        Assert.Equal((CertificateStatus.Expired, certificates[1].Number), (old?.Status, old?.SupersededBy));
        Assert.Equal(CertificateStatus.Valid, (await verifier.VerifyAsync(dbCheck, first, new DateOnly(2029, 3, 1), CancellationToken.None))?.Status);
        var deadline = await dbCheck.Deadlines.Where(d => d.DossierId == renewedDossier.Id).OrderBy(d => d.Id).LastAsync();
        Assert.Equal(("label-expiry", DeadlineStatus.Pending), (deadline.Kind, deadline.Status));
        Assert.Contains(("cyber-label-renewed", CompanyEmail, "fr"), await MessagesAsync(dbCheck, renewedDossier.Id));
        Assert.Empty(await check.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(dbCheck, reference, CancellationToken.None));
    }

    // Version 1 left the label's deadline unanswered in premium-granted: once paid, the dossier showed a label in force
    // past its date, with no deadline left to expire it.
    [Theory, OnSqlite, OnPostgres]
    public async Task A_label_that_expires_while_the_granted_premium_awaits_payment_ends_expired_once_paid(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (_, professional) = await ListAsync(platform);
        var (reference, company) = await OpenAsync(platform, professional);
        await FireAsync(platform, reference, Submit(), Applicant(company));
        await FiveStepsAsync(platform, reference, ProfessionalActor(professional));
        await FireAsync(platform, reference, new ActorActionFired("award-label") { Input = Input(("evaluation", PassingEvaluation)) }, ProfessionalActor(professional));
        await FireAsync(platform, reference, new ActorActionFired("claim-premium") { Input = Input(("invoicedAmount", 20_000)) }, Applicant(company));
        Assert.Equal("premium-granted", (await FireAsync(platform, reference, new ActorActionFired("grant-premium"), Handler)).State);

        platform.Clock.Set(new DateTimeOffset(2029, 3, 2, 9, 0, 1, TimeSpan.Zero)); // the label's last day was 1 March 2029
        var due = await platform.Services.GetRequiredService<DeadlineSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(0, due.Failures); // the professional's listing expires that day too
        Assert.Equal("premium-granted-label-expired", await LabelProgrammeTests.StateAsync(platform, reference));
        var paid = await FireAsync(platform, reference, new ExternalEventReceived("payment-confirmed") { Payload = Input(("instalment", "premium-payment")) }, Actor.System);

        Assert.Equal("label-expired", paid.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        Assert.Empty(await db.Deadlines.Where(d => d.DossierId == dossier.Id && d.Status == DeadlineStatus.Pending).ToListAsync());
        Assert.NotNull((await db.Instalments.SingleAsync(i => i.DossierId == dossier.Id)).PaidAt);
        var messages = await MessagesAsync(db, dossier.Id);
        Assert.Contains(("cyber-label-expired", CompanyEmail, "fr"), messages);
        Assert.Contains(("cyber-label-expired", ProfessionalEmail, "fr"), messages);
        Assert.Contains(("cyber-premium-paid", CompanyEmail, "fr"), messages);
        Assert.Equal(["grant-premium", "expire-label-premium-granted", "confirm-payment-label-expired"], (await TransitionsAsync(db, dossier.Id)).TakeLast(3));
        var certificate = await db.Certificates.SingleAsync(c => c.DossierId == dossier.Id);
        Assert.Equal(CertificateStatus.Expired,
            (await scope.ServiceProvider.GetRequiredService<CertificateVerifier>().VerifyAsync(db, certificate.Number, null, CancellationToken.None))?.Status);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_withdrawn_label_leaves_a_withdrawn_certificate_and_a_notice(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (_, professional) = await ListAsync(platform);
        var reference = await LabelledAsync(platform, professional);

        var withdrawn = await FireAsync(platform, reference,
            new ActorActionFired("withdraw-label") { Input = Input(("reason", "Les procédures d'évaluation ne sont plus appliquées.")) }, Handler);

        Assert.Equal("withdrawn", withdrawn.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        var certificate = await db.Certificates.SingleAsync(c => c.DossierId == dossier.Id);
        Assert.Equal(new DateOnly(2026, 3, 2), certificate.WithdrawnOn);
        Assert.Equal(CertificateStatus.Withdrawn,
            (await scope.ServiceProvider.GetRequiredService<CertificateVerifier>().VerifyAsync(db, certificate.Number, null, CancellationToken.None))?.Status);
        var notice = await db.Documents.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == CertificateIssuer.Withdrawal);
        var html = System.Text.Encoding.UTF8.GetString(await db.DocumentContents.Where(c => c.DocumentId == notice.Id).Select(c => c.Bytes).SingleAsync());
        Assert.Contains("ne sont plus appliquées", html, StringComparison.Ordinal);
        Assert.Equal(DeadlineStatus.Cancelled, (await db.Deadlines.SingleAsync(d => d.DossierId == dossier.Id)).Status);
        Assert.Contains("certificate-withdrawn", await db.AuditEvents.Where(e => e.DossierId == dossier.Id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(("cyber-label-withdrawn", CompanyEmail, "fr"), await MessagesAsync(db, dossier.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_company_choosing_a_professional_whose_listing_was_withdrawn_is_not_eligible(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (registration, professional) = await ListAsync(platform);
        await FireAsync(platform, registration, new ActorActionFired("withdraw") { Input = Input(("reason", "Conflit d'intérêts.")) }, Handler);
        var (reference, company) = await OpenAsync(platform, professional);

        var submitted = await FireAsync(platform, reference, Submit(), Applicant(company));

        Assert.Equal("eligibility-review", submitted.State);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        var snapshot = await db.EvaluationSnapshots.FirstAsync(s => s.DossierId == dossier.Id && s.RuleSet == "cyber-eligibility");
        Assert.Contains("\"ExpertAccredited\":false", snapshot.RuleResultsJson, StringComparison.Ordinal);
        Assert.Contains("\"IsSme\":true", snapshot.RuleResultsJson, StringComparison.Ordinal);
    }

    private static readonly object PassingEvaluation = new { proceduresRun = true, maturityScore = 64 };

    private static async Task FiveStepsAsync(TestPlatform platform, string reference, Actor expert)
    {
        (string Action, string Field, string Value, string State)[] steps =
        [
            ("complete-assessment", "assessmentReport", "Audit selon le référentiel CIS : sauvegardes non testées, pas de MFA.", "objectives"),
            ("set-objectives", "objectives", "Sauvegardes testées chaque mois ; MFA pour tous les accès distants.", "roadmap"),
            ("adopt-roadmap", "roadmap", "Douze mois, trois lots.", "evaluation-procedures"),
            ("establish-procedures", "procedures", "Revue trimestrielle des accès et test de restauration.", "label-award"),
        ];
        foreach (var (action, field, value, state) in steps)
        {
            var report = await FireAsync(platform, reference, new ActorActionFired(action) { Input = Input((field, value)) }, expert);
            Assert.True(report.State == state, $"{action}: {report.State} {report.Rejection?.Message}");
        }
    }

    /// <summary>A company dossier through the five steps to its label, on the platform's clock.</summary>
    private static async Task<string> LabelledAsync(TestPlatform platform, Party professional)
    {
        var (reference, company) = await OpenAsync(platform, professional);
        await FireAsync(platform, reference, Submit(), Applicant(company));
        await FiveStepsAsync(platform, reference, ProfessionalActor(professional));
        var awarded = await FireAsync(platform, reference, new ActorActionFired("award-label") { Input = Input(("evaluation", PassingEvaluation)) }, ProfessionalActor(professional));
        Assert.Equal("labelled", awarded.State);
        return reference;
    }

    /// <summary>The company's dossier in draft, naming the listed professional; the applicant comes from the test extract.</summary>
    private static async Task<(string Reference, Party Company)> OpenAsync(TestPlatform platform, Party professional, string enterprise = "0123.456.749")
    {
        await Companies.CompanyExtracts.ImportAsync(platform, Companies.CompanyExtracts.Full140); // the applicant's register entry
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var number = EnterpriseNumber.Parse(enterprise);
        var company = await db.Parties.SingleOrDefaultAsync(p => p.EnterpriseNumber == number);
        if (company is null)
        {
            company = Party.Organisation("Forges de Wallonie SRL", number);
            company.AddContact("Claire Dubois", CompanyEmail, "fr");
            db.Parties.Add(company);
            await db.SaveChangesAsync();
        }

        var expert = await db.Parties.SingleAsync(p => p.Id == professional.Id);
        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("cyber",
            [(company, DossierRoles.Applicant), (expert, DossierRoles.Expert)], JsonSerializer.SerializeToElement(new { }), Applicant(company),
            DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime), 20_000m, CancellationToken.None);
        return (dossier.Reference, company);
    }

    /// <summary>The company submits its planned cost and its SME declaration (an autonomous SME unless told otherwise).</summary>
    private static ActorActionFired Submit(int staffHeadcount = 42, decimal plannedCost = 20_000, object? declaration = null) =>
        new("submit") { Input = Input(("plannedCost", plannedCost), ("declaration", declaration ?? new { enterprise = EligibilityScenario.Sme(staff: staffHeadcount) })) };

    // The treasury's side of a payment: the instalment paid and the ledger's paid row, before the platform's event.
    private static Actor Applicant(Party company) =>
        new("claire", "Claire Dubois", ["applicant"], company.Id.ToString(CultureInfo.InvariantCulture));
}
