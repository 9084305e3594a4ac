using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Parties;

public class PartyStorageTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task An_organisation_is_stored_with_its_units_contacts_and_dossier_roles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using (var db = database.CreateContext())
        {
            var company = Party.Organisation("Forges SRL", EnterpriseNumber.Parse("BE 0123.456.749"));
            company.AddEstablishmentUnit(EstablishmentUnitNumber.Parse("2.100.000.015"), "Siège", "Rue Haute 1", "4000", "Liège");
            company.AddContact("Claire Dubois", "claire@forges.example", "FR-be");
            var expert = Party.Person("Jan Peeters");
            var dossier = Dossier.Open("CYBER-2026-000001", "cyber", "assessment", DateTimeOffset.UnixEpoch);
            dossier.AddParty(company, DossierRoles.Applicant);
            dossier.AddParty(expert, DossierRoles.Expert);
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var number = EnterpriseNumber.Parse("0123456749");
        var stored = await read.Parties.Include(p => p.EstablishmentUnits).Include(p => p.Contacts).SingleAsync(p => p.EnterpriseNumber == number);
        var roles = await read.DossierParties.Where(l => l.Party.Kind == PartyKind.Person).Select(l => l.Role).ToListAsync();

        Assert.Equal("0123.456.749", stored.EnterpriseNumber.ToString());
        Assert.Equal("4000", Assert.Single(stored.EstablishmentUnits).Postcode);
        Assert.Equal("fr", Assert.Single(stored.Contacts).PreferredLanguage);
        Assert.Equal([DossierRoles.Expert], roles);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_parties_cannot_share_an_enterprise_number(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        db.Parties.Add(Party.Organisation("A", EnterpriseNumber.Parse("0123456749")));
        db.Parties.Add(Party.Organisation("B", EnterpriseNumber.Parse("BE 123.456.749")));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public void A_contact_in_an_unsupported_language_is_refused()
    {
        var company = Party.Organisation("Forges SRL", EnterpriseNumber.Parse("0123456749"));

        var e = Assert.Throws<ArgumentException>(() => company.AddContact("Ann", "ann@example.org", "es"));

        Assert.Contains("'es' is not a supported language", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dossier_role_outside_the_list_is_refused()
    {
        var dossier = Dossier.Open("RENTIC-2026-000001", "rentic", "draft", DateTimeOffset.UnixEpoch);

        Assert.Throws<ArgumentException>(() => dossier.AddParty(Party.Person("X"), "owner"));
    }
}
