using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Support;

/// <summary>Organisations stored on a test platform, each with one French-speaking contact.</summary>
public static class TestParties
{
    /// <summary>The party with this enterprise number, stored now (contact@DIGITS.example) unless it already is.</summary>
    public static async Task<Party> StoredAsync(TestPlatform platform, string enterprise, string name)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var number = EnterpriseNumber.Parse(enterprise);
        if (await db.Parties.Include(p => p.Contacts).SingleOrDefaultAsync(p => p.EnterpriseNumber == number) is { } known)
        {
            return known;
        }

        var party = Party.Organisation(name, number);
        party.AddContact("Contact", $"contact@{number.Digits}.example", "fr");
        db.Parties.Add(party);
        await db.SaveChangesAsync();
        return party;
    }
}
