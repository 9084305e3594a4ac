using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>The embedded seed's cyber part (Demo/DemoData.Cyber.cs) runs through the shipped workflows.</summary>
public class CyberDemoDataTests
{
    [Fact]
    public async Task The_demo_lists_a_professional_and_has_cyber_dossiers_in_several_states_with_a_certificate()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite, shippedContent: true, configure: s => s["Seed:Demo"] = "true");
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var cyber = await db.Dossiers.Where(d => d.Programme == "cyber").OrderBy(d => d.Id).Select(d => d.State).ToListAsync();
        var professionals = await db.Dossiers.Where(d => d.Programme == "cyber-professional").OrderBy(d => d.Id).Select(d => d.State).ToListAsync();
        var register = await scope.ServiceProvider.GetRequiredService<Registrations>()
            .ListAsync("cyber-professional", DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime), CancellationToken.None);

        Assert.Equal(["assessment", "roadmap", "premium-review"], cyber);
        Assert.Equal(["listed", "committee-review"], professionals);
        Assert.Equal("CyberSûr SRL", Assert.Single(register, r => r.InForce).PartyName);
        Assert.Equal("Namur Digital SA", await db.Parties.Where(p => p.Id == db.Certificates.Single().HolderPartyId).Select(p => p.Name).SingleAsync());
    }
}
