using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Companies;
using DigitalWallonia.Platform.Content;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Demo;

/// <summary>
/// A few companies, a provider and dossiers in several programmes, so that a fresh embedded install shows something.
/// Loading is one transaction, marked done by a <see cref="SeedMarker"/> row, and refused outside the embedded profile,
/// so demonstration data never reaches a production database.
/// </summary>
public sealed partial class DemoData(
    PlatformDbContext db,
    DossierWorkflow workflow,
    TimeProvider clock,
    CompanyRegisterImport companyRegister,
    ContentFolder content,
    IOptions<DemoDataOptions> options,
    IOptions<DatabaseOptions> database,
    ILogger<DemoData> logger)
{
    // Fictitious companies of the demo extract (demo/company-register, imported first): name, establishment units and
    // addresses come from the register; the contact person is the platform's own.
    private static readonly (string Number, string Contact, string Email, string Language)[] Companies =
    [
        ("0123.456.749", "Claire Dubois", "claire.dubois@forges.example", "fr"),
        ("0456.123.494", "Jonas Schmitz", "j.schmitz@emb.example", "de"),
        ("0789.012.351", "Sofia Martin", "sofia@namurdigital.example", "fr"),
        ("0876.543.270", "Marc Lejeune", "marc@conseil.example", "fr"),
    ];

    /// <summary>The demo extract of the company register, in the repository beside the content.</summary>
    public const string ExtractFolder = "demo/company-register";

    public async Task LoadIfEnabledAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo)
        {
            return;
        }

        if (database.Value.Provider != DatabaseProvider.Sqlite)
        {
            logger.LogWarning("Seed:Demo is set but the database is {Provider}; demo data is only loaded in the embedded SQLite profile.",
                database.Value.Provider);
            return;
        }

        if (await db.SeedMarkers.AnyAsync(m => m.Name == SeedMarker.Demo, cancellationToken))
        {
            return;
        }

        foreach (var company in Companies)
        {
            var number = EnterpriseNumber.Parse(company.Number);
            if (await db.Parties.AnyAsync(p => p.EnterpriseNumber == number, cancellationToken))
            {
                logger.LogWarning("Seed:Demo is set but the database already holds the demo company {Number} without the demo marker; the demo data is not loaded.",
                    company.Number);
                return;
            }
        }

        // The register is imported first (idempotent: an extract already imported changes nothing), so the companies below
        // are read from it.
        var extract = await companyRegister.ImportAsync(Path.Combine(content.Root, ExtractFolder), cancellationToken);
        logger.LogInformation("Demo company register: {Type} extract {Number}, {Rows} rows, {Errors} errors.",
            extract.ExtractType, extract.ExtractNumber, extract.RowsApplied, extract.Errors.Count);

        // All or nothing: a load that fails half-way leaves no party or dossier behind, and the marker (its primary key)
        // lets one of two hosts starting together load it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.SeedMarkers.Add(new SeedMarker(SeedMarker.Demo, clock.GetUtcNow()));
        var parties = new List<Party>();
        foreach (var c in Companies)
        {
            var party = await FromRegisterAsync(EnterpriseNumber.Parse(c.Number), cancellationToken);
            party.AddContact(c.Contact, c.Email, c.Language);
            parties.Add(party);
        }

        db.Parties.AddRange(parties);
        var now = clock.GetUtcNow();
        var today = Scheduling.DeadlinePlanner.LegalDate(now); // Brussels' date, as the workflows date their firings
        await db.SaveChangesAsync(cancellationToken);
        // The provider register first: the voucher's provider must be labelled (DemoData.Rentic.cs).
        var (companies, _) = await LoadRenticAsync(parties, today, cancellationToken);
        var voucher = await SubmitVoucherAsync(companies[2], companies[3], today, cancellationToken);
        await LoadCyberAsync(companies, today, cancellationToken);
        await LoadLabelsAsync(companies[2], companies[3], today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Loaded demo data: {Parties} parties and {Dossiers} dossiers of every programme and register, all through their workflows (the voucher: {Voucher}).",
            await db.Parties.CountAsync(cancellationToken), await db.Dossiers.CountAsync(cancellationToken), voucher);
    }

    // A technology voucher request that really runs through workflows/voucher.json: eligibility evaluated and kept as a
    // snapshot, the 5-working-day decision deadline planned, the company and the case handlers notified.
    private async Task<string> SubmitVoucherAsync(Party company, Party provider, DateOnly today, CancellationToken cancellationToken)
    {
        var applicant = new Actor("demo-sofia", "Sofia Martin", ["applicant"], company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (dossier, _) = await workflow.OpenAsync("voucher", [(company, DossierRoles.Applicant), (provider, DossierRoles.Provider)], NoFacts,
            applicant, today, 7_500m, cancellationToken);
        await workflow.FireAsync(dossier.Reference, new ActorActionFired("submit")
        {
            Input = new Dictionary<string, JsonElement>
            {
                ["service"] = JsonSerializer.SerializeToElement("Audit de sécurité et mise en place d'une sauvegarde externalisée"),
                ["requestedAmount"] = JsonSerializer.SerializeToElement(7_500),
                ["declaration"] = JsonSerializer.SerializeToElement(SmeDeclaration(42, 6_500_000, 4_200_000)),
            },
        }, applicant, cancellationToken);
        return dossier.Reference;
    }

    /// <summary>
    /// An organisation as the company register knows it: its name and its establishment units with their addresses.
    /// </summary>
    private async Task<Party> FromRegisterAsync(EnterpriseNumber number, CancellationToken cancellationToken)
    {
        var name = await db.Set<RegisteredDenomination>().Where(d => d.EntityNumber == number.Digits && d.TypeOfDenomination == RegisteredDenomination.LegalName)
            .Select(d => d.Denomination).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The demo extract ({ExtractFolder}) has no name for {number}.");
        var party = Party.Organisation(name, number);
        var units = await db.Set<RegisteredEstablishment>().Where(u => u.EnterpriseNumber == number).ToListAsync(cancellationToken);
        foreach (var unit in units)
        {
            var address = await db.Set<RegisteredAddress>().FirstAsync(a => a.EntityNumber == unit.Number.Digits, cancellationToken);
            party.AddEstablishmentUnit(unit.Number, name, $"{address.Street} {address.HouseNumber}".Trim(), address.Zipcode ?? "", address.Municipality ?? "");
        }

        return party;
    }

    // Every demo dossier opens empty: what a party says goes in through the workflow's typed inputs, with provenance.
    private static readonly JsonElement NoFacts = JsonSerializer.SerializeToElement(new { });
}
