using System.Text.Json;
using System.Text.Json.Nodes;
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
    IOptions<DemoDataOptions> options,
    IOptions<DatabaseOptions> database,
    ILogger<DemoData> logger)
{
    // Fictitious companies; the numbers satisfy the BCE modulo-97 check.
    private static readonly (string Name, string Number, string Unit, string Street, string Postcode, string City, string Contact, string Email, string Language)[] Companies =
    [
        ("Forges de Wallonie SRL", "0123.456.749", "2.100.000.015", "Rue de la Station 12", "4000", "Liège", "Claire Dubois", "claire.dubois@forges.example", "fr"),
        ("Eupener Maschinenbau AG", "0456.123.494", "2.200.000.085", "Herbesthaler Straße 5", "4700", "Eupen", "Jonas Schmitz", "j.schmitz@emb.example", "de"),
        ("Namur Digital SA", "0789.012.351", "2.300.000.058", "Place d'Armes 3", "5000", "Namur", "Sofia Martin", "sofia@namurdigital.example", "fr"),
        ("Conseil Numérique SPRL", "0876.543.270", "2.400.000.031", "Boulevard Tirou 40", "6000", "Charleroi", "Marc Lejeune", "marc@conseil.example", "fr"),
    ];

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

        // All or nothing: a load that fails half-way leaves no party or dossier behind, and the marker (its primary key)
        // lets one of two hosts starting together load it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.SeedMarkers.Add(new SeedMarker(SeedMarker.Demo, clock.GetUtcNow()));
        var parties = new List<Party>();
        foreach (var c in Companies)
        {
            var party = Party.Organisation(c.Name, EnterpriseNumber.Parse(c.Number));
            party.AddEstablishmentUnit(EstablishmentUnitNumber.Parse(c.Unit), c.Name, c.Street, c.Postcode, c.City);
            party.AddContact(c.Contact, c.Email, c.Language);
            parties.Add(party);
        }

        db.Parties.AddRange(parties);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
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
        var facts = JsonSerializer.SerializeToElement(new
        {
            company = new { staffHeadcount = 42, annualTurnover = 6_500_000, balanceSheetTotal = 4_200_000, hasWalloonEstablishment = true },
            deMinimis = new { pastAid = 25_000 },
            requestedAmount = 7_500,
        });
        var applicant = new Actor("demo-sofia", "Sofia Martin", ["applicant"], company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (dossier, _) = await workflow.OpenAsync("voucher", [(company, DossierRoles.Applicant), (provider, DossierRoles.Provider)], facts,
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
}
