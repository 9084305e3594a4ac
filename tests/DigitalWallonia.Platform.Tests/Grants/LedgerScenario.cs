using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Companies;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Tests.Grants;

/// <summary>A migrated test database with helpers to add companies, dossiers and decisions for ledger tests.</summary>
internal sealed class LedgerScenario : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static int _numbers;
    private static int _units;

    private LedgerScenario(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public TestClock Clock { get; } = new(Now);

    public static async Task<LedgerScenario> StartAsync(DatabaseProvider provider) => new(await TestDatabase.MigratedAsync(provider));

    public PlatformDbContext Context() => Database.CreateContext();

    public AidLedger Ledger(PlatformDbContext db) => new(db, Clock);

    /// <summary>A company with a valid enterprise number of its own, saved; returns its id.</summary>
    public async Task<long> CompanyAsync(string name, FiscalYearEnd? fiscalYearEnd = null, string postcode = "4000")
    {
        await using var db = Context();
        var company = Party.Organisation(name, NextEnterpriseNumber());
        company.AddEstablishmentUnit(NextUnitNumber(), "Siège", "Rue Haute 1", postcode, "Liège");
        if (fiscalYearEnd is { } end)
        {
            company.DeclareFiscalYearEnd(end);
        }

        db.Parties.Add(company);
        await db.SaveChangesAsync();
        return company.Id;
    }

    /// <summary>A dossier whose applicant is <paramref name="partyId"/>, saved; returns its id.</summary>
    public async Task<long> DossierAsync(long partyId)
    {
        await using var db = Context();
        var party = await db.Parties.FindAsync(partyId) ?? throw new InvalidOperationException($"No party {partyId}.");
        var dossier = Dossier.Open(DossierReferences.Format("cheques", 2026, Interlocked.Increment(ref _numbers)), "cheques", "decided", Now);
        dossier.AddParty(party, DossierRoles.Applicant);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return dossier.Id;
    }

    public static Decision Decision(long dossierId, string kind, decimal? amount, DateOnly decidedOn, long? reverses = null) =>
        new(dossierId, kind, amount, "Décret du 21 décembre 2016", "{}", "case-handler-1", "supervisor-1", decidedOn, "ChequeCaps", "1", reverses, Now);

    /// <summary>
    /// The <c>ledger</c> fact the platform injects for a voucher request of <paramref name="partyId"/> on
    /// <paramref name="asOf"/> (<see cref="PlatformFacts"/>, the clock set to that day): what the common rule sets read.
    /// </summary>
    public async Task<JsonObject> LedgerFactAsync(long partyId, DateOnly asOf)
    {
        Clock.Set(new DateTimeOffset(asOf, new TimeOnly(10, 0), TimeSpan.Zero));
        await using var db = Context();
        var party = await db.Parties.AsNoTracking().SingleAsync(p => p.Id == partyId);
        var request = Dossier.Open("VOUCHER-2026-999999", "voucher", "draft", Clock.GetUtcNow());
        request.AddParty(party, DossierRoles.Applicant);
        var facts = await new PlatformFacts(db, Ledger(db), new CompanyFacts(db, Options.Create(new CompanyRegisterOptions())),
            Options.Create(new CommonEligibilityOptions()), Options.Create(new ProgrammeAidOptions()), Clock).ForAsync(request, CancellationToken.None);
        return facts[PlatformFacts.LedgerFact];
    }

    /// <summary>
    /// The past de minimis aid of the single undertaking of <paramref name="partyId"/> on <paramref name="asOf"/> as the
    /// eligibility sees it: the ledger fact given to rules/common/de-minimis.json by <see cref="CommonEligibility"/>, the
    /// rule choosing the period (fiscal years under 1407/2013, a rolling three years under 2023/2831).
    /// </summary>
    public async Task<decimal> PastDeMinimisAidAsync(long partyId, DateOnly asOf)
    {
        var ledger = await LedgerFactAsync(partyId, asOf);
        var (aid, _) = CommonEligibility.PastDeMinimisAid(ledger, []);
        var result = new RuleEngine().Evaluate(CommonRuleSet("de-minimis.json"), CommonEligibility.DeMinimisInput(ledger, [], aid, 0m), asOf);
        Assert.Null(result.InputError);
        return result.Outputs["pastAid"]!.GetValue<decimal>();
    }

    public static RuleSet CommonRuleSet(string file) =>
        Assert.Single(RuleSetLoader.LoadFile(Path.Combine(TestContent.RepositoryRoot(), "rules", "common", file)).RuleSets);

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    // Establishment unit numbers are unique: each company's seat gets the next one, 21000001.. with its check digits.
    private static string UnitNumberOf(int sequence)
    {
        var first = 21000000 + sequence;
        return $"{first:00000000}{97 - (first % 97):00}";
    }

    private static EstablishmentUnitNumber NextUnitNumber() => EstablishmentUnitNumber.Parse(UnitNumberOf(Interlocked.Increment(ref _units)));

    // Belgian enterprise numbers: eight digits starting with 0, then 97 minus their remainder modulo 97.
    private static EnterpriseNumber NextEnterpriseNumber()
    {
        var first = 2000000 + Interlocked.Increment(ref _numbers);
        var check = 97 - (first % 97);
        return EnterpriseNumber.Parse($"0{first:0000000}{check:00}");
    }
}
