using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Companies;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// The shipped content with the test extract of the company register imported and a labelled provider (Conseil
/// Numérique, 0876.543.270): applicants are taken from the register by enterprise number and declare their SME figures.
/// </summary>
internal sealed class EligibilityScenario
{
    public static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);

    private readonly TestPlatform _platform;

    private EligibilityScenario(TestPlatform platform, Party provider)
    {
        _platform = platform;
        Provider = provider;
    }

    public Party Provider { get; }

    public Actor ProviderActor => new("sub-marc", "Marc Lejeune", ["provider"], Provider.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>An SME declaration in the shape of the EU SME declaration: own figures and related enterprises.</summary>
    public static object Sme(decimal staff = 42, decimal turnover = 6_500_000, decimal balanceSheet = 4_200_000, params object[] related) =>
        new { staffHeadcount = staff, annualTurnover = turnover, balanceSheetTotal = balanceSheet, relatedEnterprises = related };

    public static async Task<EligibilityScenario> StartAsync(TestPlatform platform)
    {
        await CompanyExtracts.ImportAsync(platform, CompanyExtracts.Full140);
        Party provider;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            provider = Party.Organisation("Conseil Numérique SPRL", EnterpriseNumber.Parse("0876.543.270"));
            provider.AddContact("Marc Lejeune", "marc@conseil.example", "fr");
            db.Parties.Add(provider);
            await db.SaveChangesAsync();
        }

        var scenario = new EligibilityScenario(platform, provider);
        string reference;
        await using (var scope = platform.Scope())
        {
            var tracked = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Parties.SingleAsync(p => p.Id == provider.Id);
            var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("provider",
                [(tracked, DossierRoles.Provider)], JsonSerializer.SerializeToElement(new { }), scenario.ProviderActor,
                DeadlinePlanner.LegalDate(platform.Clock.GetUtcNow()), null, CancellationToken.None);
            reference = dossier.Reference;
        }

        await scenario.FireAsync(reference, new ActorActionFired("submit")
        {
            Input = Input(("application", ProviderRegisterTests.Application(renewal: false, qualified: true))),
        }, scenario.ProviderActor);
        return scenario;
    }

    /// <summary>The applicant party for <paramref name="enterpriseNumber"/>, created once.</summary>
    public async Task<Party> ApplicantAsync(string enterpriseNumber, string name)
    {
        await using var scope = _platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var number = EnterpriseNumber.Parse(enterpriseNumber);
        if (await db.Parties.SingleOrDefaultAsync(p => p.EnterpriseNumber == number) is { } existing)
        {
            return existing;
        }

        var party = Party.Organisation(name, number);
        party.AddContact("Sofia Martin", $"contact@{number.Digits}.example", "fr");
        db.Parties.Add(party);
        await db.SaveChangesAsync();
        return party;
    }

    public static Actor ApplicantActor(Party applicant) =>
        new("sub-applicant", "Sofia Martin", ["applicant"], applicant.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Opens a voucher request with <paramref name="declaration"/> as the applicant's declaration and submits it.</summary>
    public Task<string> SubmitVoucherAsync(Party applicant, object declaration, decimal requestedAmount) =>
        SubmitAsync("voucher", applicant, declaration, requestedAmount);

    /// <summary>
    /// Opens a dossier of <paramref name="programme"/> (voucher, rentic, cyber) for <paramref name="applicant"/>, naming the
    /// labelled provider (or, for cyber, the listed professional), and submits <paramref name="amount"/> (the service's
    /// cost excl. VAT) with <paramref name="declaration"/>, all through the typed input: the dossier opens with no fact.
    /// </summary>
    public async Task<string> SubmitAsync(string programme, Party applicant, object declaration, decimal amount)
    {
        var reference = await OpenAsync(programme, applicant, amount);
        await FireAsync(reference, Submit(programme, amount, declaration), ApplicantActor(applicant));
        return reference;
    }

    /// <summary>The dossier in draft, opened with no fact.</summary>
    public async Task<string> OpenAsync(string programme, Party applicant, decimal amount)
    {
        var second = programme == "cyber" ? (await ExpertAsync(), DossierRoles.Expert) : (Provider, DossierRoles.Provider);
        await using var scope = _platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var company = await db.Parties.SingleAsync(p => p.Id == applicant.Id);
        var other = await db.Parties.SingleAsync(p => p.Id == second.Item1.Id);
        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync(programme,
            [(company, DossierRoles.Applicant), (other, second.Item2)], JsonSerializer.SerializeToElement(new { }),
            ApplicantActor(applicant), DeadlinePlanner.LegalDate(_platform.Clock.GetUtcNow()), amount, CancellationToken.None);
        return dossier.Reference;
    }

    /// <summary>The programme's submit action: the cost excl. VAT and, unless null, the declaration.</summary>
    public static ActorActionFired Submit(string programme, decimal amount, object? declaration)
    {
        List<(string, object)> fields = programme switch
        {
            "voucher" => [("service", "Audit de sécurité et sauvegarde externalisée"), ("requestedAmount", amount)],
            "rentic" => [("service", "Diagnostic de maturité numérique et plan d'action"), ("eligibleCost", amount)],
            "cyber" => [("plannedCost", amount)],
            _ => throw new ArgumentOutOfRangeException(nameof(programme), programme, "voucher, rentic or cyber"),
        };
        if (declaration is not null)
        {
            fields.Add(("declaration", declaration));
        }

        var input = Input([.. fields]);
        return new ActorActionFired("submit") { Input = input };
    }

    /// <summary>The accredited cybersecurity professional (CyberSûr SRL), listed through its register the first time it is asked for.</summary>
    public async Task<Party> ExpertAsync() => _expert ??= (await CyberProfessionalRegisterTests.ListAsync(_platform)).Professional;

    private Party? _expert;

    /// <summary>A cyber dossier through the professional's five steps to its label, then the company claims the premium on <paramref name="invoiced"/>.</summary>
    public async Task ClaimCyberPremiumAsync(string reference, Party applicant, decimal invoiced)
    {
        var expert = CyberProfessionalRegisterTests.ProfessionalActor(await ExpertAsync());
        foreach (var (action, field, value) in new (string, string, object)[]
        {
            ("complete-assessment", "assessmentReport", "Audit selon le référentiel CIS."),
            ("set-objectives", "objectives", "Sauvegardes testées chaque mois."),
            ("adopt-roadmap", "roadmap", "Douze mois, trois lots."),
            ("establish-procedures", "procedures", "Revue trimestrielle des accès."),
            ("award-label", "evaluation", new { proceduresRun = true, maturityScore = 64 }),
        })
        {
            await FireAsync(reference, new ActorActionFired(action) { Input = Input((field, value)) }, expert);
        }

        await FireAsync(reference, new ActorActionFired("claim-premium") { Input = Input(("invoicedAmount", invoiced)) }, ApplicantActor(applicant));
    }

    /// <summary>The case handler's grant: the voucher's or the premium's approval, the cyber premium's grant.</summary>
    public Task<FiringReport> GrantAsync(string programme, string reference) =>
        TryFireAsync(reference, new ActorActionFired(programme == "cyber" ? "grant-premium" : "approve"), Handler);

    /// <summary>The programme's eligibility rule set at submission and the rule set its grant's guard evaluates.</summary>
    public static (string Eligibility, string Grant) RuleSetsOf(string programme) => programme switch
    {
        "voucher" => ("voucher-eligibility", "voucher-grant"),
        "rentic" => ("rentic-eligibility", "rentic-approval"),
        "cyber" => ("cyber-eligibility", "cyber-premium"),
        _ => throw new ArgumentOutOfRangeException(nameof(programme), programme, "voucher, rentic or cyber"),
    };

    public async Task FireAsync(string reference, WorkflowTrigger trigger, Actor actor)
    {
        var report = await TryFireAsync(reference, trigger, actor);
        Assert.True(report.Accepted, $"{trigger} on {reference}: {report.Rejection?.Message}");
    }

    public async Task<FiringReport> TryFireAsync(string reference, WorkflowTrigger trigger, Actor actor)
    {
        await using var scope = _platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().FireAsync(reference, trigger, actor, CancellationToken.None);
    }

    public async Task<string> StateAsync(string reference)
    {
        await using var scope = _platform.Scope();
        return (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Dossiers.SingleAsync(d => d.Reference == reference)).State;
    }

    /// <summary>The latest snapshot of <paramref name="ruleSet"/> for the dossier, its explanation parsed.</summary>
    public async Task<(EvaluationSnapshot Snapshot, JsonObject Explanation)> SnapshotAsync(string reference, string ruleSet)
    {
        await using var scope = _platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var id = await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync();
        var snapshot = await db.EvaluationSnapshots.Where(s => s.DossierId == id && s.RuleSet == ruleSet).OrderByDescending(s => s.Id).FirstAsync();
        return (snapshot, JsonNode.Parse(snapshot.ExplanationJson)!.AsObject());
    }

    /// <summary>The failed conditions of an explanation by code.</summary>
    public static Dictionary<string, JsonObject> Failed(JsonObject explanation) =>
        (explanation["failedConditions"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(c => c["code"]!.GetValue<string>(), c => c);
}
